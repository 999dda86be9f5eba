"""Debian's headless Chromium, as the site tests drive it: screenshots of pages opened from disk."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("WAREHOUSE_REQUIRE_CHROMIUM"),
    reason="/usr/bin/chromium is not installed",
)


def chromium(*args: str) -> str:
    """Run headless Chromium with ``args``; its standard output (the DOM, with ``--dump-dom``)."""
    done = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def screenshot(page: Path, shot: Path, height: int = 1000) -> Path:
    """A picture of ``page`` 1,280 pixels wide; the virtual time budget lets the page load its font first."""
    shot.unlink(missing_ok=True)
    chromium(f"--screenshot={shot}", f"--window-size=1280,{height}", "--virtual-time-budget=10000", page.as_uri())
    assert shot.stat().st_size > 20_000, f"{shot} looks blank"
    return shot
