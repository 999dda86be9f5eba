"""Publishing on real DuckDB files, with readers and writers in other processes: the analysts' file is
whole or untouched, old readers keep their snapshot, new readers see the new one."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import openpyxl
import pytest

from warehouse.pipeline.state import RefreshReport
from warehouse.publish import PublishError, publish, read_publication

SCHEMAS = ["marts", "report"]


def make_working(path: Path, municipalities: int = 3) -> Path:
    """A small working file shaped like the pipeline's: marts, a report view, and a staging schema the
    view reads but which is not published."""
    with duckdb.connect(str(path)) as con:
        con.execute("create schema if not exists staging; create schema if not exists marts")
        con.execute("create schema if not exists report")
        con.execute(
            "create or replace table marts.dim_prefecture (prefecture_code varchar primary key, name varchar not null)"
        )
        con.execute("insert into marts.dim_prefecture values ('01', '北海道'), ('13', '東京都'), ('47', '沖縄県')")
        con.execute("comment on table marts.dim_prefecture is '都道府県'")
        con.execute("comment on column marts.dim_prefecture.name is '都道府県名'")
        con.execute(
            "create or replace table marts.fct_scenario as "
            "select lpad(range::varchar, 6, '0') as municipality_code, s.scenario, range % 2 = 0 as engaged "
            f"from range({municipalities}) cross join (values ('日常の療養支援'), ('看取り')) s(scenario)"
        )
        con.execute(
            "create or replace table staging.stg_counts as select scenario, count(*) as n "
            "from marts.fct_scenario group by all"
        )
        # dbt writes fully qualified names into views; the copy must resolve them through the read-only attach
        con.execute(f'create or replace view report.chart_4_1 as select * from "{path.stem}"."staging"."stg_counts"')
    return path


def rows(db: Path, table: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"select * from {table} order by all").fetchall()


def leftovers(directory: Path, published: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(published.name + ".tmp-"))


@contextmanager
def other_process(code: str) -> Iterator[subprocess.Popen[str]]:
    """A Python process running ``code``; it talks over stdin/stdout lines."""
    with subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            yield process
        finally:
            if process.poll() is None:
                process.kill()


def test_publish_copies_the_schemas_into_a_self_contained_file(tmp_path: Path) -> None:
    working = make_working(tmp_path / "warehouse.duckdb")
    published = tmp_path / "published" / "analysts.duckdb"

    result = publish(working, published, SCHEMAS, metadata={"run_id": "run-1", "fiscal_year": "2023"})

    assert result.path == published
    assert result.bytes == published.stat().st_size > 0
    assert result.tables == {"marts.dim_prefecture": 3, "marts.fct_scenario": 6, "report.chart_4_1": 2}
    for table in ("marts.dim_prefecture", "marts.fct_scenario", "report.chart_4_1"):
        assert rows(published, table) == rows(working, table)
    with duckdb.connect(str(published), read_only=True) as con:
        objects = con.execute("select schema_name, table_name, comment from duckdb_tables() order by all").fetchall()
        assert ("marts", "dim_prefecture", "都道府県") in objects
        assert ("report", "chart_4_1", None) in objects  # the view is now a table
        assert con.execute("select count(*) from duckdb_views() where not internal").fetchone() == (0,)
        assert "staging" not in {row[0] for row in con.execute("select schema_name from duckdb_schemas()").fetchall()}
        assert con.execute(
            "select comment from duckdb_columns() where table_name = 'dim_prefecture' and column_name = 'name'"
        ).fetchone() == ("都道府県名",)
        assert con.execute("select * from meta.publication_tables order by all").fetchall() == [
            ("marts", "dim_prefecture", "table", 3),
            ("marts", "fct_scenario", "table", 6),
            ("report", "chart_4_1", "view", 2),
        ]
    meta = read_publication(published)
    assert meta is not None
    assert meta["run_id"] == "run-1"
    assert meta["fiscal_year"] == "2023"
    assert meta["schemas"] == SCHEMAS
    assert meta["published_at"] == result.published_at
    assert meta["source_db"] == working.name  # the server's folders are not the readers' business
    assert stat.S_IMODE(published.stat().st_mode) == 0o444
    assert sorted(p.name for p in published.parent.iterdir()) == ["analysts.duckdb"]


def test_old_readers_keep_their_snapshot_and_new_readers_see_the_new_one(tmp_path: Path) -> None:
    working = make_working(tmp_path / "warehouse.duckdb", municipalities=3)
    published = tmp_path / "analysts.duckdb"
    publish(working, published, SCHEMAS, metadata={"run_id": "run-1"})

    reader = f"""
import duckdb, sys
con = duckdb.connect({str(published)!r}, read_only=True)
count = lambda: con.execute("select count(*) from marts.fct_scenario").fetchone()[0]
print(count(), flush=True)
sys.stdin.readline()
print(count(), con.execute("select run_id from meta.publication").fetchone()[0], flush=True)
"""
    with other_process(reader) as old_reader:
        assert old_reader.stdout is not None and old_reader.stdin is not None
        assert old_reader.stdout.readline().strip() == "6"
        make_working(working, municipalities=5)
        # the reader holds a shared lock on the published file: publishing neither waits for it nor fails
        publish(working, published, SCHEMAS, metadata={"run_id": "run-2"})
        old_reader.stdin.write("again\n")
        old_reader.stdin.flush()
        assert old_reader.stdout.readline().split() == ["6", "run-1"]
        with duckdb.connect(str(published), read_only=True) as new_reader:
            assert new_reader.execute("select count(*) from marts.fct_scenario").fetchone() == (10,)
        assert old_reader.wait(timeout=30) == 0, old_reader.stderr.read() if old_reader.stderr else ""
    meta = read_publication(published)
    assert meta is not None and meta["run_id"] == "run-2"


def test_a_connection_kept_in_this_process_pins_the_old_publication(tmp_path: Path) -> None:
    """The Python client reuses an open database instance per path, so a second ``connect`` in the same
    process returns the old snapshot; ``read_publication`` attaches afresh and sees the new one."""
    working = make_working(tmp_path / "warehouse.duckdb", municipalities=3)
    published = tmp_path / "analysts.duckdb"
    publish(working, published, SCHEMAS, metadata={"run_id": "run-1"})
    with duckdb.connect(str(published), read_only=True) as kept:
        make_working(working, municipalities=5)
        publish(working, published, SCHEMAS, metadata={"run_id": "run-2"})
        with duckdb.connect(str(published), read_only=True) as again:
            assert again.execute("select run_id from meta.publication").fetchone() == ("run-1",)
        assert kept.execute("select count(*) from marts.fct_scenario").fetchone() == (6,)
        meta = read_publication(published)
        assert meta is not None and meta["run_id"] == "run-2"
    with duckdb.connect(str(published), read_only=True) as fresh:
        assert fresh.execute("select run_id from meta.publication").fetchone() == ("run-2",)


def test_a_missing_schema_is_named_and_the_publication_is_untouched(tmp_path: Path) -> None:
    working = make_working(tmp_path / "warehouse.duckdb")
    published = tmp_path / "analysts.duckdb"
    publish(working, published, SCHEMAS, metadata={"run_id": "run-1"})
    before = published.read_bytes()

    with pytest.raises(PublishError, match=r"schema\(s\) marts_v2 not found .*it has: main, marts, report, staging\)"):
        publish(working, published, ["marts", "marts_v2"], metadata={"run_id": "run-2"})

    assert published.read_bytes() == before
    assert leftovers(tmp_path, published) == []


def test_a_failure_midway_removes_the_temporary_file(tmp_path: Path) -> None:
    working = make_working(tmp_path / "warehouse.duckdb")
    published = tmp_path / "analysts.duckdb"
    publish(working, published, SCHEMAS, metadata={"run_id": "run-1"})
    before = published.read_bytes()
    with duckdb.connect(str(working)) as con:
        # binds when created, fails only when read: the marts are already copied when it is reached
        con.execute("create view report.zz_broken as select cast(name as integer) as n from marts.dim_prefecture")

    with pytest.raises(duckdb.ConversionException):
        publish(working, published, SCHEMAS, metadata={"run_id": "run-2"})

    assert published.read_bytes() == before
    assert leftovers(tmp_path, published) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["analysts.duckdb", "warehouse.duckdb"]


def test_a_writer_in_another_process_blocks_publishing(tmp_path: Path) -> None:
    working = make_working(tmp_path / "warehouse.duckdb")
    published = tmp_path / "analysts.duckdb"
    writer = f"""
import duckdb, sys
con = duckdb.connect({str(working)!r})
print("ready", flush=True)
sys.stdin.readline()
"""
    with other_process(writer) as process:
        assert process.stdout is not None and process.stdin is not None
        assert process.stdout.readline().strip() == "ready"
        with pytest.raises(PublishError, match=r"cannot open working database .*Could not set lock"):
            publish(working, published, SCHEMAS, metadata={"run_id": "run-1"})
        process.stdin.write("done\n")
        process.stdin.flush()
        assert process.wait(timeout=30) == 0
    assert not published.exists()
    assert leftovers(tmp_path, published) == []
    publish(working, published, SCHEMAS, metadata={"run_id": "run-1"})
    assert published.exists()


def test_in_this_process_the_writer_must_be_closed_but_readers_may_stay(tmp_path: Path) -> None:
    working = make_working(tmp_path / "warehouse.duckdb")
    published = tmp_path / "analysts.duckdb"
    writer = duckdb.connect(str(working))
    with pytest.raises(PublishError, match="Unique file handle conflict"):
        publish(working, published, SCHEMAS, metadata={"run_id": "run-1"})
    writer.close()
    assert not published.exists()
    with duckdb.connect(str(working), read_only=True) as gate_reader:
        publish(working, published, SCHEMAS, metadata={"run_id": "run-1"})
        assert gate_reader.execute("select count(*) from marts.dim_prefecture").fetchone() == (3,)
    assert rows(published, "marts.dim_prefecture") == rows(working, "marts.dim_prefecture")


def test_a_stale_wal_beside_the_publication_does_not_break_the_next_one(tmp_path: Path) -> None:
    """DuckDB refuses a file whose WAL belongs to another file; someone who opened the publication for
    writing and crashed leaves one, which publish removes before the swap."""
    working = make_working(tmp_path / "warehouse.duckdb")
    published = tmp_path / "analysts.duckdb"
    publish(working, published, SCHEMAS, metadata={"run_id": "run-1"})
    os.chmod(published, 0o644)
    vandal = f"""
import duckdb, os
con = duckdb.connect({str(published)!r})
con.execute("set wal_autocheckpoint = '1GB'")
con.execute("pragma disable_checkpoint_on_shutdown")
con.execute("insert into marts.dim_prefecture values ('99', 'x')")
os._exit(0)
"""
    subprocess.run([sys.executable, "-c", vandal], check=True, timeout=60)
    wal = published.with_name(published.name + ".wal")
    assert wal.exists()

    publish(working, published, SCHEMAS, metadata={"run_id": "run-2"})

    assert not wal.exists()
    assert rows(published, "marts.dim_prefecture") == rows(working, "marts.dim_prefecture")


def test_read_publication_before_anything_is_published(tmp_path: Path) -> None:
    assert read_publication(tmp_path / "analysts.duckdb") is None
    with duckdb.connect(str(tmp_path / "other.duckdb")) as con:
        con.execute("create table t (x int)")
    with pytest.raises(PublishError, match="not written by publish"):
        read_publication(tmp_path / "other.duckdb")


@pytest.mark.parametrize("key", ["Run-Id", "published_at", ""])
def test_metadata_keys_become_columns_so_they_must_be_plain_names(tmp_path: Path, key: str) -> None:
    working = make_working(tmp_path / "warehouse.duckdb")
    with pytest.raises(PublishError, match="metadata key"):
        publish(working, tmp_path / "analysts.duckdb", SCHEMAS, metadata={key: "x"})


def test_published_tables_keep_the_constraints_of_the_working_file(tmp_path: Path) -> None:
    working = make_working(tmp_path / "warehouse.duckdb")
    with duckdb.connect(str(working)) as con:
        con.execute(
            "create table marts.fct_count (code varchar not null unique, n integer default 0 check (n >= 0), "
            "share double, primary key (code, n))"
        )
        con.execute("insert into marts.fct_count values ('a', 1, 0.5), ('b', 0, null)")
    published = tmp_path / "analysts.duckdb"
    publish(working, published, SCHEMAS, metadata={"run_id": "run-1"})

    def constraints(db: Path) -> list[tuple]:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute(
                "select schema_name, table_name, constraint_type, constraint_text from duckdb_constraints() "
                "where schema_name in ('marts', 'report') order by all"
            ).fetchall()

    kept = constraints(published)
    assert kept == constraints(working)
    assert ("marts", "fct_count", "CHECK", "CHECK((n >= 0))") in kept
    assert ("marts", "dim_prefecture", "PRIMARY KEY", "PRIMARY KEY(prefecture_code)") in kept
    assert rows(published, "marts.fct_count") == rows(working, "marts.fct_count")
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute(
            "select column_default from duckdb_columns() where table_name = 'fct_count' and column_name = 'n'"
        ).fetchone() == ("0",)


DISK_FULL = """
import resource, signal, sys
from pathlib import Path
from warehouse.publish import PublishError, publish
# what a full disk does to a writer, without filling one: writes past the limit fail with EFBIG
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
try:
    publish(Path(sys.argv[1]), Path(sys.argv[2]), ["marts", "report"], metadata={"run_id": "run-2"})
except PublishError as error:
    print(error)
    sys.exit(3)
"""


def test_a_full_disk_gives_a_one_line_reason_and_leaves_the_publication(tmp_path: Path) -> None:
    """The file size limit (``ulimit -f``) stands in for a full disk: the write fails in DuckDB the same
    way (``Could not write file``, with EFBIG instead of ENOSPC) and needs no mount or root."""
    working = make_working(tmp_path / "warehouse.duckdb", municipalities=20_000)
    published = tmp_path / "analysts.duckdb"
    publish(working, published, SCHEMAS, metadata={"run_id": "run-1"})
    before = published.read_bytes()

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", DISK_FULL, str(working), str(published)], env=env, capture_output=True, text=True
    )

    assert done.returncode == 3, done.stderr
    temporary = re.escape(str(published)) + r"\.tmp-[0-9a-f]{32}"
    assert re.fullmatch(
        f"file size limit reached while writing {temporary}; the publication {re.escape(str(published))} is unchanged",
        done.stdout.strip(),
    )
    assert published.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["analysts.duckdb", "warehouse.duckdb"]


DOCS = Path(__file__).resolve().parents[2] / "docs" / "analysts.md"
PIPELINE_SCHEMAS = ["marts", "report", "provenance"]


@pytest.fixture(scope="module")
def pipeline_publication(refreshed: tuple[RefreshReport, Path]) -> tuple[Path, Path]:
    """The reduced year refreshed and published (the session's shared refresh): (working file, published file)."""
    report, published = refreshed
    assert report.ok, report.blocked
    return published.parent / "w.duckdb", published


def test_the_publication_declares_the_constraints_of_the_models(pipeline_publication: tuple[Path, Path]) -> None:
    working, published = pipeline_publication
    query = (
        "select schema_name, table_name, constraint_type, constraint_text from duckdb_constraints() "
        "where list_contains(?, schema_name) order by all"
    )
    declared = {db: duckdb.connect(str(db), read_only=True) for db in (working, published)}
    try:
        expected, kept = (declared[db].execute(query, [PIPELINE_SCHEMAS]).fetchall() for db in (working, published))
    finally:
        for con in declared.values():
            con.close()
    assert kept == expected
    kinds = {(schema, kind) for schema, _, kind, _ in kept}
    assert {("marts", "PRIMARY KEY"), ("marts", "CHECK"), ("report", "NOT NULL"), ("provenance", "PRIMARY KEY")} <= (
        kinds
    )
    assert ("provenance", "answers", "PRIMARY KEY", "PRIMARY KEY(cell_key)") in kept


def _trace_query() -> str:
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("**Where a figure comes from**") :]
    return re.search(r"```sql\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]


def test_a_published_fact_is_traced_to_its_workbook_cell(pipeline_publication: tuple[Path, Path]) -> None:
    """The query of docs/analysts.md, on the published file, leads to the very file (same sha256) and to the cell
    that holds the answer the fact counts."""
    _, published = pipeline_publication
    with duckdb.connect(str(published), read_only=True) as con:
        cursor = con.execute(_trace_query())
        columns = [d[0] for d in cursor.description]
        traced = dict(zip(columns, cursor.fetchone(), strict=True))
        counts = con.execute(
            "select (select count(*) from provenance.submissions), "
            "(select count(distinct submission_id) from marts.fct_scenario_status "
            " where submission_id not in (select submission_id from provenance.submissions))"
        ).fetchone()
    assert counts is not None and counts[0] > 0 and counts[1] == 0  # every fact's return is in provenance
    workbook = Path(traced["file_path"])
    assert hashlib.sha256(workbook.read_bytes()).hexdigest() == traced["file_sha256"]
    sheet = openpyxl.load_workbook(workbook, read_only=True)[traced["sheet"]]
    typed = sheet[traced["cell"]].value
    assert typed is not None
    if isinstance(typed, int | float):
        assert float(traced["raw_value"]) == typed
    else:
        assert str(typed) == traced["raw_value"]
    assert traced["is_engaged"] == (float(traced["value"]) == 1)  # option 1: 取り組んでいる


def test_the_leftovers_of_a_killed_publish_are_removed_by_the_next(tmp_path: Path) -> None:
    working = make_working(tmp_path / "warehouse.duckdb")
    published = tmp_path / "analysts.duckdb"
    temporary = published.with_name(f"{published.name}.tmp-{'0' * 32}")
    killed = f"""
import duckdb, os
con = duckdb.connect({str(temporary)!r})
con.execute("set wal_autocheckpoint = '1GB'")
con.execute("pragma disable_checkpoint_on_shutdown")
con.execute("create table t as select range as x from range(1000)")
os._exit(9)
"""
    subprocess.run([sys.executable, "-c", killed], timeout=60)
    unrelated = tmp_path / f"{published.name}.tmp-notes.txt"
    unrelated.write_text("kept")
    assert leftovers(tmp_path, published) == sorted([temporary.name, temporary.name + ".wal", unrelated.name])

    publish(working, published, SCHEMAS, metadata={"run_id": "run-1"})

    assert leftovers(tmp_path, published) == [unrelated.name]
    assert rows(published, "marts.dim_prefecture") == rows(working, "marts.dim_prefecture")


@contextmanager
def small_file_system(path: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` at ``path``: a disk that really fills up.  Needs the right to mount (root in
    CI); the test using it is skipped elsewhere, the file size limit test above covering the same path."""
    path.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=True)


def test_no_space_left_on_the_device_gives_a_one_line_reason(tmp_path: Path) -> None:
    published_dir = tmp_path / "published"
    with small_file_system(published_dir, "3m"):
        published = published_dir / "analysts.duckdb"
        publish(make_working(tmp_path / "small.duckdb"), published, SCHEMAS, metadata={"run_id": "run-1"})
        before = published.read_bytes()
        working = make_working(tmp_path / "warehouse.duckdb", municipalities=200_000)

        with pytest.raises(PublishError) as refused:
            publish(working, published, SCHEMAS, metadata={"run_id": "run-2"})

        temporary = re.escape(str(published)) + r"\.tmp-[0-9a-f]{32}"
        unchanged = f"the publication {re.escape(str(published))} is unchanged"
        assert re.fullmatch(f"no space left on device while writing {temporary}; {unchanged}", str(refused.value))
        assert published.read_bytes() == before
        assert sorted(p.name for p in published_dir.iterdir()) == ["analysts.duckdb"]
