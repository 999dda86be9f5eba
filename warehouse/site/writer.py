"""Writes the site's files into a new version of the site, switched in whole when the build is complete.

The site's folder (``site/``) is a link to its current version (``.site.<token>/`` beside it). A build writes
a new version: a file whose content hashes as in the last build (``.manifest.json``: path → sha256) is a hard
link to the current version's file (no copy, and its mtime is unchanged, so a static server or a sync sees no
change); a changed file is written anew. :meth:`SiteWriter.finish` records the manifest and points the link at
the new version in one rename, then removes the older versions. A build that fails (a full disk, a killed
process) leaves the previous site whole, and the next build removes what it left.

An incremental refresh therefore writes the pages of the municipalities and prefectures whose data changed, and
the national pages only when a figure moved.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".manifest.json"

#: What a writer wrote (path → sha256, the paths written, how many were unchanged): what another writer of the
#: same version, in another process, hands to the one that finishes the build.
WriterState = tuple[dict[str, str], list[str], int]


def versions(root: Path) -> list[Path]:
    """The versions of the site at ``root`` beside it (``.<name>.<token>``), the current one included."""
    return sorted(p for p in root.parent.glob(f".{root.name}.*") if p.is_dir() and not p.is_symlink())


@dataclass
class SiteWriter:
    root: Path  # the site's folder: a link to its current version
    version: Path | None = None  # the version this build writes (given to a second writer of the same build)
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    _current: Path | None = None  # the version the link points at now
    _previous: dict[str, str] = field(default_factory=dict)
    _files: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.root.parent.mkdir(parents=True, exist_ok=True)
        if self.root.exists():
            self._current = self.root.resolve()
        try:
            self._previous = json.loads((self.root / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self._previous = {}
        if self.version is None:
            for leftover in versions(self.root):  # what failed builds left; never the current version
                if leftover != self._current:
                    shutil.rmtree(leftover, ignore_errors=True)
            self.version = self.root.parent / f".{self.root.name}.{uuid.uuid4().hex[:12]}"
            self.version.mkdir()
            self.version.chmod(0o755)

    def write(self, relative: str, content: str | bytes) -> None:
        assert self.version is not None
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = hashlib.sha256(data).hexdigest()
        self._files[relative] = digest
        path = self.version / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if self._previous.get(relative) == digest and self.keep(relative):
            self.unchanged += 1
            return
        path.write_bytes(data)
        self.written.append(relative)

    def keep(self, relative: str) -> bool:
        """Link the current version's file into the new one (False when there is none to link)."""
        assert self.version is not None
        if self._current is None or not (self._current / relative).is_file():
            return False
        os.link(self._current / relative, self.version / relative)  # the caller made its folder
        return True

    def current(self, relative: str) -> Path | None:
        """Where the current version holds ``relative`` (None before the first build)."""
        return self._current / relative if self._current is not None else None

    def state(self) -> WriterState:
        """What this writer wrote, for :meth:`merge` in the writer that finishes the build."""
        return self._files, self.written, self.unchanged

    def merge(self, state: WriterState) -> None:
        """Count as this build's the files another writer of the same version wrote (in another process)."""
        files, written, unchanged = state
        self._files.update(files)
        self.written += written
        self.unchanged += unchanged

    @property
    def pages(self) -> int:
        """HTML pages of this build, written or unchanged."""
        return sum(1 for name in self._files if name.endswith(".html"))

    def finish(self) -> None:
        """Record this build's manifest and switch the site to it; the files of the last build this one did not
        write are gone with the last version."""
        assert self.version is not None
        self.removed = sorted(set(self._previous) - set(self._files))
        (self.version / MANIFEST).write_text(json.dumps(self._files, sort_keys=True, indent=0), encoding="utf-8")
        link = self.root.parent / f".{self.root.name}.link"
        link.unlink(missing_ok=True)
        os.symlink(self.version.name, link, target_is_directory=True)  # relative: the folder may be moved
        if self.root.exists() and not self.root.is_symlink():  # a site written before versions: moved aside once
            self.root.rename(self.root.parent / f".{self.root.name}.{uuid.uuid4().hex[:12]}")
        os.replace(link, self.root)
        for old in versions(self.root):
            if old != self.version:
                shutil.rmtree(old, ignore_errors=True)
