"""One writer at a time on the working DuckDB file, said clearly.

DuckDB lets one process write a file, and tells the second one only with a lock error, often after
minutes of work.  Every step that writes the working file (the command line's commands, the refresh,
the Dagster assets) first takes ``<working file>.lock`` with ``flock`` and writes who holds it (pid,
host, command, start time) into it, so the next writer can wait saying for whom, or refuse naming
it.  The kernel releases the lock when its holder dies, so a crashed run never leaves it taken.

The lock is re-entrant within a process (the command line takes it, then the refresh it calls takes
it again), since two ``flock`` on one file from one process would wait for each other.

Programs that open the working file without this lock (a DuckDB CLI, a notebook) are found with a
probe right after the lock is taken; their DuckDB lock error is turned into one sentence naming the
program and its PID (:func:`duckdb_holder`).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

import duckdb

from warehouse.pipeline import working_file
from warehouse.pipeline.leftovers import remove_leftovers, run_temp, temp_root

POLL_SECONDS = 0.25
DUCKDB_LOCK = re.compile(
    r'Could not set lock on file "(?P<file>[^"]+)"'
    r"(?::\s*Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\))?"
)


class WriterBusy(RuntimeError):
    """Another writer holds the working file and this one does not wait (or waited long enough)."""


class WorkingFileBusy(RuntimeError):
    """A program outside the warehouse (DuckDB CLI, notebook) holds the working file."""


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    command: str
    started_at: str  # ISO 8601, UTC

    def __str__(self) -> str:
        return f"pid {self.pid} on {self.host} ({self.command}, since {self.started_at})"


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def current_command() -> str:
    """This process's command line as typed (``python3.11 -m warehouse run --year 2023``), passwords hidden."""
    from warehouse.redact import redact_argv

    argv = redact_argv(getattr(sys, "orig_argv", None) or sys.argv)
    return " ".join([Path(argv[0]).name, *argv[1:]]) if argv else "python"


def read_holder(db: Path) -> Holder | None:
    """Who holds (or last held) the lock of ``db``, as it wrote itself into the lock file."""
    try:
        return Holder(**json.loads(lock_path(db).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


_held: dict[Path, tuple[IO[str], Holder, int]] = {}  # lock file → (open file, holder, depth)
_guard = threading.Lock()


@contextmanager
def writer_lock(
    db: Path,
    command: str | None = None,
    *,
    wait: bool = True,
    timeout: float | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[Holder]:
    """Hold the writer lock of ``db`` for the block; wait for the current holder (telling ``on_wait``
    for whom) or raise :class:`WriterBusy` naming it."""
    path = lock_path(Path(db)).resolve()
    with _guard:
        if path in _held:
            file, holder, depth = _held[path]
            _held[path] = (file, holder, depth + 1)
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield holder
        finally:
            with _guard:
                file, holder, depth = _held[path]
                _held[path] = (file, holder, depth - 1)
        return
    file = _acquire(path, Path(db), wait=wait, timeout=timeout, on_wait=on_wait)
    holder = Holder(
        pid=os.getpid(),
        host=socket.gethostname(),
        command=command or current_command(),
        started_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    )
    file.seek(0)
    file.truncate()
    file.write(json.dumps(asdict(holder), ensure_ascii=False))
    file.flush()
    with _guard:
        _held[path] = (file, holder, 1)
    try:
        yield holder
    finally:
        with _guard:
            del _held[path]
        file.seek(0)
        file.truncate()
        fcntl.flock(file, fcntl.LOCK_UN)
        file.close()


def _acquire(
    path: Path, db: Path, *, wait: bool, timeout: float | None, on_wait: Callable[[str], None] | None
) -> IO[str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    file = open(path, "a+", encoding="utf-8")  # noqa: SIM115 (held until the block ends)
    try:
        if _try_lock(file):
            stale = read_holder(db)  # a holder that released the lock would have emptied the file
            if stale is not None and on_wait:
                on_wait(f"taking over the lock of {db} from {stale}, which ended without releasing it")
            return file
        holder = read_holder(db)
        who = str(holder) if holder else "another process"
        if not wait:
            raise WriterBusy(f"{db} is being written by {who}; not waiting (--wait or WAREHOUSE_LOCK_WAIT=1 waits)")
        if on_wait:
            on_wait(f"waiting for {who}, which is writing {db}")
        deadline = None if timeout is None else time.monotonic() + timeout
        while not _try_lock(file):
            if deadline is not None and time.monotonic() > deadline:
                raise WriterBusy(f"{db} is still being written by {who} after {timeout:g} s of waiting")
            time.sleep(POLL_SECONDS)
        return file
    except BaseException:
        file.close()
        raise


def _try_lock(file: IO[str]) -> bool:
    try:
        fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextmanager
def exclusive(
    db: Path,
    *,
    published: Path,
    cleaning_log: Path,
    command: str | None = None,
    wait: bool = True,
    timeout: float | None = None,
    on_wait: Callable[[str], None] | None = None,
    heals: Callable[[str], None] | None = None,
) -> Iterator[list[Path]]:
    """What every writer of the working file does first: take the writer lock, check that no program
    outside the warehouse holds the file and that it can be read (else :class:`WorkingFileDamaged`, unless
    ``heals`` is given: it is called with DuckDB's reason, and moves the file aside to rebuild it), remove what
    crashed runs left, and keep this run's temporary files under the data folder.  Yields the leftovers removed."""
    with writer_lock(db, command, wait=wait, timeout=timeout, on_wait=on_wait):
        damaged = probe(db)
        if damaged and heals is None:
            raise working_file.refused(db, damaged)
        if damaged and heals is not None:
            heals(damaged)
        temp = temp_root(db)
        removed = remove_leftovers(published, cleaning_log, temp)
        with run_temp(temp):
            yield removed


def duckdb_holder(message: str) -> str | None:
    """One sentence naming the file and the program holding it, from DuckDB's lock error, or None
    when ``message`` is not DuckDB's lock error."""
    found = DUCKDB_LOCK.search(message)
    if found is None:
        return None
    if found["pid"]:
        who = f"{Path(found['program']).name} (PID {found['pid']})"
    else:
        who = "another connection in this process"
    return (
        f"{found['file']} is held by {who}; close that connection (a DuckDB CLI, a notebook) and run the command again"
    )


def probe(db: Path) -> str | None:
    """Raise :class:`WorkingFileBusy` when a program outside the warehouse holds ``db`` (checked once the
    writer lock is held, before any work); DuckDB's reason when the file cannot be read (see
    ``warehouse.pipeline.working_file``), None when it opens."""
    if not Path(db).exists():
        return None
    try:
        with duckdb.connect(str(db)) as con:
            con.execute("select count(*) from duckdb_columns()").fetchall()
    except duckdb.Error as error:
        sentence = duckdb_holder(str(error))
        if sentence is None and (damaged := working_file.damage(error)):
            return damaged
        if sentence is None:
            raise
        raise WorkingFileBusy(sentence) from error
    return None
