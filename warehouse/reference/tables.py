"""The reference list of local governments as a table in the working database (schema ``reference``)."""

from __future__ import annotations

import duckdb

from warehouse.reference.local_governments import DATA


def write(con: duckdb.DuckDBPyConnection) -> int:
    """Replace ``reference.local_governments`` from the packaged CSV; codes stay text (leading zeros)."""
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
    (count,) = con.execute("select count(*) from reference.local_governments").fetchone() or (0,)
    return int(count)
