"""The ingest of one survey year: find the files under ``raw/<fiscal_year>/``, read only the new or
changed ones, in parallel, and append them to the ``raw`` schema.

Change detection is cheap first (path, size and modification time unchanged ⇒ skip without
reading), exact second (a touched file whose sha256 was already ingested adds nothing).  Every file
under the year's folder ends up somewhere: a submission, or the quarantine with its reason (hidden
files, symbolic links and files the system cannot read included).  A file that left the folder
retires what was read from it (``raw.withdrawals``); if it comes back, it is current again.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warehouse import db
from warehouse.codebook import FORMS
from warehouse.ingest import store
from warehouse.ingest.folder import LOCK_FILE_PREFIX, FileVersion, discover, hidden
from warehouse.ingest.returns import Outcome, read_return, sha256_of, unreadable
from warehouse.pipeline.workers import process_pool


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
    withdrawn: int = 0  # file versions retired because their file left raw/
    restored: int = 0  # withdrawn file versions whose file came back


def _misplaced(file: FileVersion, raw_root: Path) -> Outcome | None:
    """Files that are not returns of a known form get their reason without being opened."""
    name = Path(file.path).name
    if file.kind == "symlink":
        target = os.readlink(file.path)
        reason = f"{file.path}: シンボリックリンク（→ {target}）は読み込みません。ファイルそのものを置いてください"
        return Outcome(file, quarantine=("symlink", reason, None, None))
    if hidden(file, raw_root):
        reason = f"{file.path}: 隠しファイル（名前が「.」で始まる）は回答として読み込みません"
        return Outcome(file, quarantine=("hidden_file", reason, None, None))
    if file.kind == "unlisted":
        reason = f"{file.path}: フォルダの中を読み取れません: {file.error}"
        return Outcome(file, quarantine=("unreadable_file", reason, None, None))
    if file.kind != "file":
        reason = f"{file.path}: 通常のファイルではありません（FIFO・ソケット・デバイス）。開かずに除外しました"
        return Outcome(file, quarantine=("unreadable_file", reason, None, None))
    if name.startswith(LOCK_FILE_PREFIX):
        reason = f"{file.path}: an Excel lock file (left while the workbook was open), not a return"
        return Outcome(file, quarantine=("lock_file", reason, None, None))
    if file.form not in FORMS:
        reason = f"{file.path}: not in a form folder; returns go in raw/<fiscal_year>/<{'|'.join(FORMS)}>/"
        return Outcome(file, quarantine=("unknown_form", reason, None, None))
    return None


def _read(args: tuple[FileVersion, dt.datetime]) -> Outcome:
    file, at = args
    return read_return(file, at)


def _changed(
    files: list[FileVersion], known: dict[str, tuple[int, object, str]], recheck: set[str]
) -> list[FileVersion]:
    """Files whose size or modification time differ from the last version seen, and those to recheck
    (a file that could not be read before, a file withdrawn before that is back)."""
    out = []
    for f in files:
        seen = known.get(f.path)
        if seen is not None and seen[0] == f.size and seen[1] == f.mtime and f.path not in recheck:
            continue
        out.append(f)
    return out


def read_all(files: list[FileVersion], at: dt.datetime, workers: int) -> Iterator[Outcome]:
    """Outcomes of ``files``, read by ``workers`` processes (in-process when 1, for debugging)."""
    jobs = [(f, at) for f in files]
    if workers <= 1 or len(files) < 8:
        yield from map(_read, jobs)
        return
    with process_pool(workers) as pool:
        yield from pool.map(_read, jobs, chunksize=max(1, min(64, len(jobs) // (workers * 8))))


def _hash(files: list[FileVersion], raw_root: Path) -> tuple[list[FileVersion], list[Outcome]]:
    """The returns to read (hashed here) and the outcomes of files refused without reading them.

    Only regular files in a form folder are hashed: a symbolic link is never followed, a FIFO would
    block, and a file that cannot be read is refused with the operating system's reason."""
    to_read, refused = [], []
    for f in files:
        misplaced = _misplaced(f, raw_root)
        reason = misplaced.quarantine[0] if misplaced and misplaced.quarantine else None
        if reason in (None, "lock_file", "unknown_form"):
            try:
                f.sha256 = sha256_of(Path(f.path))
            except OSError as err:
                refused.append(unreadable(f, err))
                continue
        if misplaced is not None:
            refused.append(misplaced)
        else:
            to_read.append(f)
    return to_read, refused


def ingest(
    db_path: Path,
    raw_root: Path,
    fiscal_year: int,
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Ingest the new and changed files of one year and retire the removed ones; safe to re-run.

    The year's data and its ``raw.ingest_runs`` record are written in one transaction."""
    started = dt.datetime.now()
    run_id = f"ingest-{fiscal_year}-{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    year_dir = raw_root / str(fiscal_year)
    if not year_dir.is_dir():
        raise FileNotFoundError(f"{year_dir}: no such folder; returns of {fiscal_year} go in raw/{fiscal_year}/<form>/")
    files = discover(raw_root, fiscal_year)
    with db.connect(db_path) as con:
        store.prepare(con)
        known = store.known_versions(con)
        seen = store.seen_hashes(con)
        withdrawn = store.withdrawn_files(con, fiscal_year)
    recheck = {path for path, _ in withdrawn} | {path for path, (_, _, sha) in known.items() if not sha}
    candidates = _changed(files, known, recheck)
    to_read, refused = _hash(candidates, raw_root)
    restored = [(f.path, f.sha256) for f in candidates if (f.path, f.sha256) in withdrawn]
    fresh = [f for f in to_read if (f.path, f.sha256) not in seen]
    outcomes = [o for o in refused if (o.file.path, o.file.sha256) not in seen]
    for done, outcome in enumerate(read_all(fresh, started, workers or min(2, os.cpu_count() or 1)), start=1):
        outcomes.append(outcome)
        if progress:
            progress(done, len(fresh))
    with db.connect(db_path) as con:
        counts = store.write(
            con,
            outcomes,
            store.Run(run_id, fiscal_year, started, files_seen=len(files), files_read=len(fresh)),
            present={f.path for f in files},
            restored=restored,
        )
    return IngestReport(
        run_id,
        fiscal_year,
        len(files),
        len(fresh),
        seconds=(counts.pop("finished_at") - started).total_seconds(),
        **counts,
    )
