"""Whether a refresh has anything to do: what it reads (the year's returns, the codebooks, the dbt project, the
gate's rules, the reference data, the warehouse's code and the settings that shape the output) compared with
what the last complete refresh of that year read.

The record is a small file beside the working file, written only when a refresh ended with everything done
(published, site written, nothing failed) and carrying the published file's identity, so a publication
replaced by anyone since, a failed step or a changed input makes the next refresh do its work.  Reading it
takes no database and no lock: a refresh with nothing to do ends in well under a second.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from warehouse import paths
from warehouse.ingest.folder import discover
from warehouse.redact import redact
from warehouse.settings import Settings

#: What, besides the returns, the published rows are made from (folders hashed whole, ``__pycache__`` aside).
SOURCES = ("warehouse", "dbt_project/models", "dbt_project/macros", "dbt_project/dbt_project.yml", "expectations")
#: The settings whose values shape what is published, or where.
SHAPING = ("raw", "db", "published", "cleaning_log", "site_dir", "site_audience", "min_returns_share", "force")


def record_path(settings: Settings) -> Path:
    return settings.db.with_name(settings.db.name + ".inputs.json")


def sources_digest(root: Path = paths.ROOT) -> str:
    digest = hashlib.sha256()
    for name in SOURCES:
        path = root / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            if "__pycache__" in file.parts or file.suffix == ".pyc":
                continue
            digest.update(file.relative_to(root).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def returns_digest(settings: Settings, year: int) -> str:
    """The year's folder as the ingest lists it: every file's path, kind, size and time to the nanosecond."""
    digest = hashlib.sha256()
    for file in discover(settings.raw, year):
        digest.update(f"{file.path}\0{file.kind}\0{file.size}\0{file.mtime_ns}\n".encode())
    return digest.hexdigest()


def settings_digest(settings: Settings) -> str:
    values = {name: str(getattr(settings, name)) for name in SHAPING}
    values["postgres"] = redact(settings.postgres_url)  # where, never the password
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()


def _published_identity(settings: Settings) -> list[int] | None:
    try:
        stat = settings.published.stat()
    except OSError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def fingerprint(settings: Settings, year: int) -> dict[str, object]:
    return {
        "year": year,
        "returns": returns_digest(settings, year),
        "sources": sources_digest(),
        "settings": settings_digest(settings),
        "published": _published_identity(settings),
        "site": settings.site_dir.joinpath("index.html").exists(),
    }


def unchanged(settings: Settings, year: int) -> str | None:
    """The sentence to say when nothing changed since the last complete refresh of ``year``, else None."""
    try:
        recorded = json.loads(record_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict) or recorded.get("fingerprint") != fingerprint(settings, year):
        return None
    return (
        f"nothing changed since the refresh of {year} published at {recorded.get('published_at', '?')} (returns, "
        f"codebooks, models and settings as they were); {settings.published} and the site are unchanged"
    )


def record(settings: Settings, year: int, published_at: object) -> None:
    """Remember what this complete refresh read (replaced atomically, so a reader never sees half of it)."""
    path = record_path(settings)
    temporary = path.with_name(path.name + f".tmp-{os.getpid()}")
    body = {"fingerprint": fingerprint(settings, year), "published_at": str(published_at)}
    temporary.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)


def forget(settings: Settings) -> None:
    """A refresh is starting to change things: until it ends complete, the next one does its work."""
    record_path(settings).unlink(missing_ok=True)
