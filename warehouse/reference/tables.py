"""The reference lists as tables in the working database (schema ``reference``)."""

from __future__ import annotations

import duckdb

from warehouse.reference.local_governments import CODES, DATA


def write(con: duckdb.DuckDBPyConnection) -> int:
    """Replace ``reference.local_governments`` and ``reference.municipal_codes`` from the packaged CSVs.

    Codes stay text (leading zeros).  Returns the count of local governments (the 2023 list); the code
    history is counted by ``municipal_codes``.
    """
    con.execute("create schema if not exists reference")
    con.execute(
        """
        create or replace table reference.local_governments as
        select * from read_csv(?, header = true, columns = {
            'code6': 'varchar', 'code5': 'varchar', 'kind': 'varchar', 'prefecture_code': 'varchar',
            'prefecture_name': 'varchar', 'name': 'varchar', 'name_kana': 'varchar',
            'is_special_ward': 'boolean', 'is_designated_city': 'boolean'
        })
        """,
        [str(DATA)],
    )
    write_codes(con)
    ((count,),) = con.execute("select count(*) from reference.local_governments").fetchall()
    return int(count)


def write_codes(con: duckdb.DuckDBPyConnection) -> int:
    """Replace ``reference.municipal_codes``: every municipal code and name with its ``[valid_from, valid_to)``."""
    con.execute("create schema if not exists reference")
    con.execute(
        """
        create or replace table reference.municipal_codes as
        select * from read_csv(?, header = true, columns = {
            'code6': 'varchar', 'code5': 'varchar', 'prefecture_code': 'varchar', 'name': 'varchar',
            'name_kana': 'varchar', 'valid_from': 'date', 'valid_to': 'date', 'municipality_id': 'varchar',
            'predecessor_code6': 'varchar', 'successor_code6': 'varchar', 'change': 'varchar'
        })
        """,
        [str(CODES)],
    )
    ((count,),) = con.execute("select count(*) from reference.municipal_codes").fetchall()
    return int(count)
