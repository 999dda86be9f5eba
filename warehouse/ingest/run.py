"""The ingest of one survey year: find the files under ``raw/<fiscal_year>/``, read only the new or
changed ones, in parallel, and append them to the ``raw`` schema.

Change detection is cheap first (path, size and modification time unchanged ⇒ skip without
reading), exact second (a touched file whose sha256 was already ingested adds nothing).  Every file
under the year's folder ends up somewhere: a submission, or the quarantine with its reason.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from warehouse.codebook import FORMS
from warehouse.ingest import store
from warehouse.ingest.returns import FileVersion, Outcome, read_return, sha256_of

LOCK_FILE_PREFIX = "~$"


@dataclass(frozen=True)
class IngestReport:
    run_id: str
    fiscal_year: int
    files_seen: int
    files_read: int
    submissions: int
    quarantined: int
    answers: int
    seconds: float


def discover(raw_root: Path, fiscal_year: int) -> list[FileVersion]:
    """Every file under ``raw_root/<fiscal_year>/``, with the form its folder names."""
    year_dir = raw_root / str(fiscal_year)
    files = []
    for path in sorted(year_dir.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        relative = path.relative_to(year_dir).parts
        form = relative[0] if len(relative) > 1 else ""
        stat = path.stat()
        files.append(
            FileVersion(
                path=str(path),
                fiscal_year=fiscal_year,
                form=form,
                size=stat.st_size,
                mtime=dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0),
            )
        )
    return files


def _misplaced(file: FileVersion) -> Outcome | None:
    """Files that are not returns of a known form get their reason without being opened."""
    name = Path(file.path).name
    if name.startswith(LOCK_FILE_PREFIX):
        reason = f"{file.path}: an Excel lock file (left while the workbook was open), not a return"
        return Outcome(file, quarantine=("lock_file", reason, None, None))
    if file.form not in FORMS:
        reason = f"{file.path}: not in a form folder; returns go in raw/<fiscal_year>/<{'|'.join(FORMS)}>/"
        return Outcome(file, quarantine=("unknown_form", reason, None, None))
    return None


def _read(args: tuple[FileVersion, dt.datetime]) -> Outcome:
    file, at = args
    return _misplaced(file) or read_return(file, at)


def _changed(files: list[FileVersion], known: dict[str, tuple[int, object, str]]) -> list[FileVersion]:
    out = []
    for f in files:
        seen = known.get(f.path)
        if seen is not None and seen[0] == f.size and seen[1] == f.mtime:
            continue
        out.append(f)
    return out


def read_all(files: list[FileVersion], at: dt.datetime, workers: int) -> Iterator[Outcome]:
    """Outcomes of ``files``, read by ``workers`` processes (in-process when 1, for debugging)."""
    jobs = [(f, at) for f in files]
    if workers <= 1 or len(files) < 8:
        yield from map(_read, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("forkserver")) as pool:
        yield from pool.map(_read, jobs, chunksize=max(1, min(64, len(jobs) // (workers * 8))))


def ingest(
    db_path: Path,
    raw_root: Path,
    fiscal_year: int,
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Ingest the new and changed files of one year; safe to re-run (idempotent)."""
    started = dt.datetime.now()
    run_id = f"ingest-{fiscal_year}-{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    files = discover(raw_root, fiscal_year)
    with store.connect(db_path) as con:
        candidates = _changed(files, store.known_versions(con))
        seen = store.seen_hashes(con)
    for f in candidates:  # a touched but unchanged file: hash it here, skip it if known
        f.sha256 = sha256_of(Path(f.path))
    fresh = [f for f in candidates if (f.path, f.sha256) not in seen]
    outcomes: list[Outcome] = []
    for done, outcome in enumerate(read_all(fresh, started, workers or min(2, os.cpu_count() or 1)), start=1):
        outcomes.append(outcome)
        if progress:
            progress(done, len(fresh))
    with store.connect(db_path) as con:
        counts = store.write(con, outcomes, run_id, started)
        finished = dt.datetime.now()
        con.execute(
            "insert into raw.ingest_runs values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                run_id,
                fiscal_year,
                started,
                finished,
                len(files),
                len(fresh),
                counts["submissions"],
                counts["quarantined"],
                counts["answers"],
            ],
        )
    return IngestReport(
        run_id, fiscal_year, len(files), len(fresh), seconds=(finished - started).total_seconds(), **counts
    )
