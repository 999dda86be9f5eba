"""What a crashed run leaves behind, removed by the next run once it holds the writer lock.

- publication temp files ``<published>.tmp-*`` and their ``.wal`` (``warehouse.publish.swap``);
- the cleaning log's staging folders: ``.``-prefixed folders inside the cleaning-log folder older than
  the lock (a staging folder of the run holding the lock is younger), except the sets the year folders
  (links) point at;
- temporary folders (multiprocessing's among them): every run puts its temporary files in
  ``<system temp>/zaitaku-<hash of the working file's path>/<pid>/`` (:func:`run_temp`), so a folder
  whose process is gone is a leftover.  The folder is short on purpose: multiprocessing puts its
  sockets there, and a socket's path may not exceed 107 bytes, which a data folder deep in a home
  directory would.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: The system's temporary folder as the process started (a run points ``tempfile`` elsewhere).
SYSTEM_TEMP = Path(tempfile.gettempdir())


def temp_root(db: Path) -> Path:
    """The folder of the temporary files of the runs on the working file ``db``: one per working file."""
    digest = hashlib.sha256(str(Path(db).resolve()).encode()).hexdigest()[:12]
    return SYSTEM_TEMP / f"zaitaku-{digest}"


def remove_leftovers(published: Path, cleaning_log: Path, temp_root: Path, since: dt.datetime) -> list[Path]:
    """Remove the leftovers of crashed runs; ``since`` is when the writer lock was taken.  Returns what
    was removed."""
    removed: list[Path] = []
    published = Path(published)
    if published.parent.is_dir():
        for path in sorted(published.parent.glob(f"{published.name}.tmp-*")):
            path.unlink(missing_ok=True)
            removed.append(path)
    if Path(cleaning_log).is_dir():
        # each year's folder is a link to the set last written, itself a '.'-prefixed folder: keep those
        current = {os.readlink(path) for path in Path(cleaning_log).iterdir() if path.is_symlink()}
        for path in sorted(Path(cleaning_log).iterdir()):
            if path.name in current or path.is_symlink():
                continue
            if path.name.startswith(".") and path.is_dir() and _modified(path) < since:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    if Path(temp_root).is_dir():
        for path in sorted(Path(temp_root).iterdir()):
            if not (path.name.isdigit() and _alive(int(path.name))):
                _remove(path)
                removed.append(path)
    return removed


@contextmanager
def run_temp(temp_root: Path) -> Iterator[Path]:
    """Temporary files of this process (``tempfile``, multiprocessing, child processes through
    ``TMPDIR``) go to ``<temp_root>/<pid>/`` for the block."""
    folder = Path(temp_root) / str(os.getpid())
    folder.mkdir(parents=True, exist_ok=True)
    before_dir, before_env = tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir = str(folder)
    os.environ["TMPDIR"] = str(folder)
    try:
        yield folder
    finally:
        tempfile.tempdir = before_dir
        if before_env is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = before_env


def _modified(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
