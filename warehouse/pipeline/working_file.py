"""The working DuckDB file is derived state: everything in it is rebuilt from ``raw/`` (and the codebooks) by a
refresh. So a working file that cannot be read (a crash of the machine, a full disk, a file copied half-way) is
not repaired but moved aside, kept for inspection, and rebuilt; ``python -m warehouse run --rebuild`` does the
same on purpose.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import duckdb

#: What DuckDB says of a file it cannot read (not of a file another process holds: see ``warehouse.pipeline.lock``).
DAMAGED = re.compile(
    r"not a valid DuckDB database file|Corrupt database file|checksum .* does not match|"
    r"Could not read enough bytes from file|Failure while replaying WAL|WAL file .* corrupt|"
    r"unsupported storage version|database file .* was created with an (older|newer) version",
    re.IGNORECASE,
)
HOW = "it is derived from raw/, and `python -m warehouse run --rebuild` moves it aside and rebuilds it"


class WorkingFileDamaged(RuntimeError):
    """The working file cannot be read; the message says so in one sentence, with what rebuilds it."""


def damage(error: BaseException) -> str | None:
    """DuckDB's reason when ``error`` says a file is damaged, as one line; None for any other error."""
    text = " ".join(str(error).split())
    return text if isinstance(error, duckdb.Error) and DAMAGED.search(text) else None


def move_aside(db: Path) -> Path:
    """Move ``db`` (and its WAL) to ``<name>.damaged-<time>`` beside it, where nothing reads it; its new name."""
    db = Path(db)
    aside = db.with_name(f"{db.name}.damaged-{dt.datetime.now():%Y%m%dT%H%M%S}")
    db.rename(aside)
    wal = db.with_name(db.name + ".wal")
    if wal.exists():
        wal.rename(aside.with_name(aside.name + ".wal"))
    return aside


def refused(db: Path, reason: str) -> WorkingFileDamaged:
    """The refusal of a step that cannot rebuild the file itself (a single stage, a Dagster step)."""
    return WorkingFileDamaged(f"the working file {db} cannot be read ({reason}); {HOW}")
