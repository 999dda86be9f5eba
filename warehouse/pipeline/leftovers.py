"""What a crashed run leaves behind, removed by the next run once it holds the writer lock.

- publication temp files ``<published>.tmp-<hex>`` and their ``.wal``, as the publisher names them
  (``warehouse.publish.swap.remove_leftovers``);
- the cleaning log's staging folders and unswitched links, as the export names them, never the sets
  the year folders point at (``warehouse.cleaning_log.workbooks.remove_leftovers``);
- temporary folders (multiprocessing's among them): every run puts its temporary files in
  ``<system temp>/zaitaku-<hash of the working file's path>/<pid>/`` (:func:`run_temp`), so a folder
  whose process is gone is a leftover.  The folder is short on purpose: multiprocessing puts its
  sockets there, and a socket's path may not exceed 107 bytes, which a data folder deep in a home
  directory would.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from warehouse.cleaning_log.workbooks import remove_leftovers as cleaning_log_leftovers
from warehouse.publish.swap import remove_leftovers as publication_leftovers

#: The system's temporary folder as the process started (a run points ``tempfile`` elsewhere).
SYSTEM_TEMP = Path(tempfile.gettempdir())


def temp_root(db: Path) -> Path:
    """The folder of the temporary files of the runs on the working file ``db``: one per working file."""
    digest = hashlib.sha256(str(Path(db).resolve()).encode()).hexdigest()[:12]
    return SYSTEM_TEMP / f"zaitaku-{digest}"


def remove_leftovers(published: Path, cleaning_log: Path, temp_root: Path) -> list[Path]:
    """Remove the leftovers of crashed runs (the caller holds the writer lock, so no run of the
    warehouse is writing them).  Returns the half-written publications and workbooks removed, worth saying;
    the temporary folders of ended processes go silently (a finished run may leave its forkserver's socket)."""
    removed = [*publication_leftovers(published), *cleaning_log_leftovers(Path(cleaning_log))]
    if Path(temp_root).is_dir():
        for path in sorted(Path(temp_root).iterdir()):
            if not (path.name.isdigit() and _alive(int(path.name))):
                _remove(path)
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
        with contextlib.suppress(OSError):  # emptied by what used it; one still in use (a pool's socket) stays
            folder.rmdir()


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
