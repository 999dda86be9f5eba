"""Writes the site's files, only those whose content changed since the last build.

A manifest (``.manifest.json``: path → sha256) records what the last build wrote; a file whose content
hashes the same is left alone (its mtime too, so a static server or a sync sees no change), a file the
build no longer produces is removed. An incremental refresh therefore rewrites the pages of the
municipalities and prefectures whose data changed, and the national pages only when a figure moved.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".manifest.json"

#: What a writer wrote (path → sha256, the paths written, how many were unchanged): what another writer of the
#: same folder, in another process, hands to the one that finishes the build.
WriterState = tuple[dict[str, str], list[str], int]


@dataclass
class SiteWriter:
    root: Path
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    _previous: dict[str, str] = field(default_factory=dict)
    _current: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            self._previous = json.loads((self.root / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self._previous = {}

    def write(self, relative: str, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = hashlib.sha256(data).hexdigest()
        self._current[relative] = digest
        path = self.root / relative
        if self._previous.get(relative) == digest and path.exists():
            self.unchanged += 1
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)  # a reader never sees half a page
        self.written.append(relative)

    def state(self) -> WriterState:
        """What this writer wrote, for :meth:`merge` in the writer that finishes the build."""
        return self._current, self.written, self.unchanged

    def merge(self, state: WriterState) -> None:
        """Count as this build's the files another writer of the same folder wrote (in another process)."""
        current, written, unchanged = state
        self._current.update(current)
        self.written += written
        self.unchanged += unchanged

    @property
    def pages(self) -> int:
        """HTML pages of this build, written or unchanged."""
        return sum(1 for name in self._current if name.endswith(".html"))

    def finish(self) -> None:
        """Remove what the last build wrote and this one did not, then record this build."""
        for relative in sorted(set(self._previous) - set(self._current)):
            (self.root / relative).unlink(missing_ok=True)
            self.removed.append(relative)
        manifest = self.root / MANIFEST
        temporary = manifest.with_name(MANIFEST + ".tmp")
        temporary.write_text(json.dumps(self._current, sort_keys=True, indent=0), encoding="utf-8")
        os.replace(temporary, manifest)
