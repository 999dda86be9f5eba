"""A command's worker processes end with it: a ``generate`` (as the benchmark runs it) stopped with SIGTERM
leaves no process writing the sample on its own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]


def test_a_generate_stopped_with_sigterm_leaves_no_worker(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WAREHOUSE_")}
    command = [sys.executable, "-m", "warehouse", "--raw", str(tmp_path / "raw"), "generate", "--year", "2023"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parent = psutil.Process(process.pid)
    deadline = time.monotonic() + 120
    workers: list[psutil.Process] = []
    while time.monotonic() < deadline and not any((tmp_path / "raw" / "2023").rglob("*.xlsx")):
        workers = parent.children(recursive=True) or workers
        time.sleep(0.1)
    workers = parent.children(recursive=True)
    assert len(workers) >= 2, "the sample is written by worker processes"
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)
    _, alive = psutil.wait_procs(workers, timeout=30)
    assert alive == [], [(p.pid, p.cmdline()) for p in alive]
