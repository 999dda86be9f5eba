"""Every answer is recorded from the bytes that were hashed: a workbook rewritten while the ingest works (a sync
client, a colleague saving over a return) is never recorded under another version's sha256, never quarantined for
good under a hash nobody read, and is read again by the next run.

The rewrite is made deterministic by doing it between the ingest's hashing and its reading (the worker reads in
this process), in the two ways a file changes: with a new size and time, and with the same size and time."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import duckdb
import pytest

from warehouse.codebook import load
from warehouse.ingest import run
from warehouse.ingest.returns import CHANGED_WHILE_READ
from warehouse.workbook.template import write_workbook

CB = load(2023, "municipality")
COUNCIL = CB.item("q2_council")  # 1 = 設置している, 2 = していない
CODES = ["01100", "01202", "01203", "01204"]


def _write(path: Path, code: str, council: int, size: int | None = None) -> bytes:
    """Write a return; with ``size``, padded to that many bytes by the zip's comment (a version of the same size)."""
    write_workbook(CB, path, {CB.code_item.cell: code, COUNCIL.cell: council})
    padding = 64 if size is None else size - path.stat().st_size
    with zipfile.ZipFile(path, "a") as book:
        book.comment = b" " * padding
    return path.read_bytes()


def _recorded(db: Path) -> dict[str, tuple[str, str]]:
    """Per file: the sha256 recorded for its current submission and the 問2 answer recorded with it."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            Path(path).name: (sha, value)
            for path, sha, value in con.execute(
                "select s.file_path, s.file_sha256, a.value from raw.submissions s join raw.answers a "
                "using (submission_id) where a.item_key = ? "
                "qualify row_number() over (partition by s.file_path order by s.ingested_at desc) = 1",
                [COUNCIL.key],
            ).fetchall()
        }


@pytest.mark.parametrize("same_size_and_time", [False, True])
def test_a_file_rewritten_between_hashing_and_reading_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, same_size_and_time: bool
) -> None:
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    folder = raw / "2023" / "municipality"
    folder.mkdir(parents=True)
    paths = {code: folder / f"{code}1_x.xlsx" for code in CODES}
    for code, path in paths.items():
        _write(path, code, 1)
    swapped = {paths[CODES[0]], paths[CODES[2]]}
    hash_then_rewrite = run._hash

    def rewritten(files: list, raw_root: Path) -> tuple[list, list]:
        hashed = hash_then_rewrite(files, raw_root)
        for path in swapped:
            before = path.stat()
            content = _write(path, path.name[:5], 2, before.st_size if same_size_and_time else None)
            if same_size_and_time:  # a rewrite a listing cannot see: only its bytes differ
                assert len(content) == before.st_size
                os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        return hashed

    monkeypatch.setattr(run, "_hash", rewritten)
    first = run.ingest(db, raw, 2023, workers=1)
    assert first.submissions == 2 and first.quarantined == 2
    with duckdb.connect(str(db), read_only=True) as con:
        retried = con.execute("select file_path, reason_code, file_sha256 from raw.quarantine").fetchall()
        versions = {p for (p,) in con.execute("select file_path from raw.file_versions").fetchall()}
    assert {(Path(p), code) for p, code, _ in retried} == {(p, CHANGED_WHILE_READ) for p in swapped}
    assert not versions & {str(p) for p in swapped}, "no version recorded of a file read while it changed"

    monkeypatch.setattr(run, "_hash", hash_then_rewrite)
    second = run.ingest(db, raw, 2023, workers=1)
    assert second.submissions == 2 and second.quarantined == 0
    recorded = _recorded(db)
    for path in paths.values():
        sha, answer = recorded[path.name]
        assert sha == hashlib.sha256(path.read_bytes()).hexdigest(), "the recorded hash is of the bytes on disk"
        assert answer == ("2" if path in swapped else "1"), "and the answers are of those bytes"
    third = run.ingest(db, raw, 2023, workers=1)
    assert third.files_read == 0, "nothing left to read again"


def test_files_rewritten_throughout_an_ingest_are_recorded_as_one_real_version_each(tmp_path: Path) -> None:
    """Eight returns rewritten over and over, in place (as a sync client writes), while two workers read them:
    every (sha256, answer) recorded is one of the versions really written, and what was not read whole is read by
    the next run."""
    import threading

    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    folder = raw / "2023" / "municipality"
    folder.mkdir(parents=True)
    codes = ["01100", "01202", "01203", "01204", "01205", "01206", "01207", "01208"]
    versions: dict[str, dict[str, str]] = {}  # sha256 → the answer of 問2 it holds, per file
    contents: dict[Path, list[bytes]] = {}
    for code in codes:
        path = folder / f"{code}1_x.xlsx"
        second = _write(path, code, 2)
        contents[path] = [second, _write(path, code, 1, len(second) + 100)]  # sizes a listing tells apart
        versions[path.name] = {
            hashlib.sha256(c).hexdigest(): str(v) for c, v in zip(contents[path], (2, 1), strict=True)
        }
    stop = threading.Event()

    def rewrite() -> None:
        turn = 0
        while not stop.is_set():
            for path, both in contents.items():
                with path.open("r+b") as handle:  # in place: a reader may see half of it
                    handle.truncate(0)
                    handle.write(both[turn % 2])
            turn += 1

    writer = threading.Thread(target=rewrite)
    writer.start()
    try:
        for _ in range(3):
            run.ingest(db, raw, 2023, workers=2)
    finally:
        stop.set()
        writer.join()
    run.ingest(db, raw, 2023, workers=2)  # the files are still now: what changed while read is read
    with duckdb.connect(str(db), read_only=True) as con:
        recorded = con.execute(
            "select s.file_path, s.file_sha256, a.value from raw.submissions s join raw.answers a "
            "using (submission_id) where a.item_key = ?",
            [COUNCIL.key],
        ).fetchall()
    assert recorded
    for path, sha, answer in recorded:
        assert versions[Path(path).name].get(sha) == answer, (path, sha, answer)
    assert {Path(path).name for path, _, _ in recorded} == set(versions)
    latest = _recorded(db)
    for path in contents:
        assert latest[path.name][0] == hashlib.sha256(path.read_bytes()).hexdigest()
