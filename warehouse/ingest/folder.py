"""What a folder of returns holds: the one reading of ``raw/<fiscal_year>/`` that the ingest, the refusals,
Dagster's sensor and the no-op check share, so that all four agree on which files are returns.

Nothing is skipped when listing and nothing is followed: hidden files, symbolic links (to files or to
folders, wherever they point) and other special files are listed too, from ``lstat``, so that the ingest
gives each one its reason.  :func:`is_return` says which of them the ingest opens as a return.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISLNK, S_ISREG

from warehouse.codebook.model import FORMS

#: Excel's lock file beside a workbook someone has open.
LOCK_FILE_PREFIX = "~$"


@dataclass
class FileVersion:
    """What identifies one version of one file, before it is read."""

    path: str
    fiscal_year: int
    form: str
    size: int
    mtime: dt.datetime
    sha256: str = ""
    kind: str = "file"  # file | symlink | other (FIFO, socket, device: never opened) | unlisted (a folder)
    error: str = ""  # why an unlisted folder could not be listed
    mtime_ns: int = 0  # the modification time to the nanosecond (what a rewrite in the same second changes)


def discover(raw_root: Path, fiscal_year: int) -> list[FileVersion]:
    """Every file under ``raw_root/<fiscal_year>/``, with the form its folder names, sorted by path."""
    year_dir = raw_root / str(fiscal_year)
    unlisted: dict[Path, str] = {}  # folders that cannot be listed: refused, so that nothing goes unseen

    def cannot_list(err: OSError) -> None:
        if err.filename and Path(err.filename) != year_dir:
            unlisted[Path(err.filename)] = f"{err.strerror} (errno {err.errno})"

    found: list[tuple[Path, str | None]] = []
    for folder, dirs, names in os.walk(year_dir, onerror=cannot_list, followlinks=False):
        found += [(Path(folder) / n, None) for n in names]
        found += [(Path(folder) / d, None) for d in dirs if (Path(folder) / d).is_symlink()]
    found += [(path, "unlisted") for path in unlisted]
    files = []
    for path, kind in found:
        relative = path.relative_to(year_dir).parts
        try:
            stat = path.lstat()
        except OSError:  # removed since the folder was listed
            continue
        if kind is None:
            kind = "symlink" if S_ISLNK(stat.st_mode) else "file" if S_ISREG(stat.st_mode) else "other"
        files.append(
            FileVersion(
                path=str(path),
                fiscal_year=fiscal_year,
                form=relative[0] if len(relative) > 1 else "",
                size=stat.st_size,
                mtime=dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0),
                kind=kind,
                error=unlisted.get(path, ""),
                mtime_ns=stat.st_mtime_ns,
            )
        )
    return sorted(files, key=lambda f: f.path)


def hidden(file: FileVersion, raw_root: Path) -> bool:
    """Whether the file, or a folder it is in below the year's, is hidden (its name starts with a dot)."""
    year_dir = raw_root / str(file.fiscal_year)
    return any(part.startswith(".") for part in Path(file.path).relative_to(year_dir).parts)


def is_return(file: FileVersion, raw_root: Path) -> bool:
    """A regular, visible file in a form's folder that is not Excel's lock file: what the ingest opens."""
    return (
        file.kind == "file"
        and file.form in FORMS
        and not hidden(file, raw_root)
        and not Path(file.path).name.startswith(LOCK_FILE_PREFIX)
    )


def has_returns(raw_root: Path, fiscal_year: int) -> bool:
    """Whether ``raw_root/<fiscal_year>/`` holds at least one return."""
    return any(is_return(file, raw_root) for file in discover(raw_root, fiscal_year))
