"""One writer at a time on the working file, said clearly, with real processes: the writer lock waits
or refuses naming its holder; two refreshes started together end with one publication; a DuckDB
connection held by another program is named in one sentence."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import Ingested
from warehouse.gate.run import latest_gate_runs
from warehouse.pipeline.lock import WriterBusy, read_holder, writer_lock
from warehouse.publish.swap import read_publication

pytestmark = pytest.mark.slow  # refreshes started together
ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "GX_ANALYTICS_ENABLED": "false"}


@contextmanager
def holding(code: str) -> Iterator[subprocess.Popen[str]]:
    """Another process running ``code``, which prints a line once it holds what it holds, and ends
    when its stdin closes."""
    with subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=ENV
    ) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "holding"
        try:
            yield process
        finally:
            assert process.stdin is not None
            process.stdin.close()
            process.wait(timeout=60)


def _lock_code(db: Path) -> str:
    return (
        "import sys; from pathlib import Path; from warehouse.pipeline.lock import writer_lock\n"
        f"with writer_lock(Path({str(db)!r}), 'python -m warehouse run (test)'):\n"
        "    print('holding', flush=True); sys.stdin.read()\n"
    )


def test_a_second_writer_refuses_or_waits_naming_the_holder(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    with holding(_lock_code(db)) as other:
        holder = read_holder(db)
        assert holder is not None and holder.pid == other.pid and "(test)" in holder.command
        busy = rf"pid {other.pid} on .*python -m warehouse run \(test\).*not waiting"
        with pytest.raises(WriterBusy, match=busy), writer_lock(db, wait=False):
            pass
        said: list[str] = []
        still = rf"still being written by pid {other.pid}"
        with pytest.raises(WriterBusy, match=still), writer_lock(db, wait=True, timeout=0.5, on_wait=said.append):
            pass
        assert len(said) == 1 and f"waiting for pid {other.pid}" in said[0]
    with writer_lock(db, wait=False) as mine:  # the holder ended: the lock is free again
        assert mine.pid == os.getpid()
        with writer_lock(db, wait=False) as again:  # and re-entrant in one process
            assert again == mine
    with writer_lock(db, wait=False):
        pass


def test_a_crashed_holder_leaves_the_lock_free(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    with holding(_lock_code(db)) as other:
        other.kill()
        other.wait(timeout=60)
        said: list[str] = []
        with writer_lock(db, wait=False, on_wait=said.append) as mine:  # taken over, and said so
            assert mine.pid == os.getpid()
        [taken] = said
        assert taken.startswith(f"taking over the lock of {db} from pid {other.pid} on ")
        assert "(python -m warehouse run (test), since " in taken and taken.endswith("ended without releasing it")
    said = []
    with writer_lock(db, wait=False, on_wait=said.append):  # released properly last time: nothing to say
        pass
    assert said == []


def _run(raw: Path, root: Path, *options: str) -> subprocess.Popen[str]:
    env = {
        **ENV,
        "WAREHOUSE_RAW": str(raw),
        "WAREHOUSE_DB": str(root / "warehouse.duckdb"),
        "WAREHOUSE_PUBLISHED": str(root / "published.duckdb"),
        "WAREHOUSE_CLEANING_LOG": str(root / "cleaning_log"),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "warehouse", "run", *options],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _until_it_holds_the_lock(process: subprocess.Popen[str], db: Path) -> None:
    while (holder := read_holder(db)) is None or holder.pid != process.pid:
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)


def test_two_refreshes_started_together_end_with_one_publication(clean_year: Ingested, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(clean_year.raw, raw)
    first = _run(raw, tmp_path)
    _until_it_holds_the_lock(first, tmp_path / "warehouse.duckdb")
    refusing = _run(raw, tmp_path, "--no-wait")
    waiting = _run(raw, tmp_path, "--wait")
    _, refused_err = refusing.communicate(timeout=600)
    first_out, first_err = first.communicate(timeout=900)
    waited_out, waited_err = waiting.communicate(timeout=900)

    assert first.returncode == 0, first_err[-3000:]
    assert refusing.returncode == 1
    assert "Traceback" not in refused_err
    assert refused_err.strip().splitlines() == [refused_err.strip()]
    assert f"is being written by pid {first.pid}" in refused_err and "-m warehouse run" in refused_err
    assert waiting.returncode == 0, waited_err[-3000:]
    assert f"run: waiting for pid {first.pid}" in waited_err
    # the waiting refresh ran after the first one, on its result: nothing changed, so it did nothing
    assert "published:" in first_out
    assert "run: nothing changed since the refresh of 2023" in waited_out, waited_out
    publication = read_publication(tmp_path / "published.duckdb")
    assert publication is not None
    (latest,) = latest_gate_runs(tmp_path / "warehouse.duckdb")
    assert publication["gate_run_id"] == latest.run_id
    assert list(tmp_path.glob("published.duckdb.tmp-*")) == []


def test_a_duckdb_connection_held_elsewhere_is_named_in_one_sentence(clean_year: Ingested, tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(clean_year.db, db)
    code = f"import duckdb, sys; con = duckdb.connect({str(db)!r}); print('holding', flush=True); sys.stdin.read()"
    with holding(code) as notebook:
        done = subprocess.run(
            [sys.executable, "-m", "warehouse", "ingest", "--raw", str(clean_year.raw), "--db", str(db)],
            cwd=ROOT,
            env=ENV,
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert str(db) in lines[0] and f"(PID {notebook.pid})" in lines[0] and "python" in lines[0]
