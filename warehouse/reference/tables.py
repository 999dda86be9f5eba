"""The reference lists as tables in the working database (schema ``reference``)."""

from __future__ import annotations

import duckdb

from warehouse.reference.local_governments import CODES, DATA

POPULATIONS = DATA.with_name("municipal_populations.csv")
BANDS = DATA.with_name("population_bands.csv")

#: The tables ``write`` replaces in schema ``reference`` (dbt's sources; Dagster's lookup assets).
TABLES = ("local_governments", "municipal_codes", "municipal_populations", "population_bands")


def write(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Replace the ``reference`` tables from the packaged CSVs (provenance in ``data/SOURCE.md``).

    Codes stay text (leading zeros).  Returns the row count of each table of ``TABLES``.
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
    write_populations(con)
    return {table: int(con.execute(f"select count(*) from reference.{table}").fetchall()[0][0]) for table in TABLES}


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


def write_populations(con: duckdb.DuckDBPyConnection) -> int:
    """Replace ``reference.municipal_populations`` (code6, source, as_of, population) and the report's bands.

    ``reference.population_bands`` holds the bands of the published tables as ``[min, max)`` people (an
    empty max is open); which population an edition is cut by is decided once, in dbt, from the dates.
    """
    con.execute("create schema if not exists reference")
    con.execute(
        """
        create or replace table reference.municipal_populations as
        select * from read_csv(?, header = true, columns = {
            'code6': 'varchar', 'source': 'varchar', 'as_of': 'date', 'population': 'integer'
        })
        """,
        [str(POPULATIONS)],
    )
    con.execute(
        """
        create or replace table reference.population_bands as
        select * from read_csv(?, header = true, columns = {
            'band_order': 'integer', 'band_label': 'varchar', 'min_population': 'integer',
            'max_population': 'integer'
        })
        """,
        [str(BANDS)],
    )
    ((count,),) = con.execute("select count(*) from reference.municipal_populations").fetchall()
    return int(count)
