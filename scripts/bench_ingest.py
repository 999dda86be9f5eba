"""Benchmark of the ingest on the full sample national year, against pandas.read_excel (openpyxl).

Usage: ``python scripts/bench_ingest.py [--raw build/bench/raw] [--workers 2] [--baseline-files N]``.
Generates the sample year once (kept under ``build/bench``), ingests it into a fresh DuckDB file,
then reads the same files with ``pandas.read_excel(sheet_name=None, engine="openpyxl")`` with the same
number of processes, and prints workbooks per second, peak memory and the ratio.  Targets (issue):
≥ 250 workbooks/s on 2 cores, ≥ 10× the baseline, peak RSS < 1 GiB.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


class TreeMemory:
    """Samples the resident memory of this process and all its descendants (the reader workers are
    children of the forkserver, which ``getrusage`` does not see) and keeps the peak of the sum."""

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):  # a worker may exit between listing and reading
                    total += proc.memory_info().rss
            self.peak = max(self.peak, total)
            time.sleep(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mib(self) -> float:
        return self.peak / 2**20


def _pandas_read(path: str) -> int:
    import pandas as pd

    try:
        frames = pd.read_excel(path, sheet_name=None, engine="openpyxl", header=None)
    except Exception:
        return 0
    return sum(int(f.size) for f in frames.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raw", type=Path, default=ROOT / "build" / "bench" / "raw")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument(
        "--baseline-files", type=int, default=0, help="read only N random files in the baseline (0 = all)"
    )
    parser.add_argument("--year", type=int, default=2023)
    args = parser.parse_args()

    from warehouse.ingest.folder import discover
    from warehouse.ingest.run import ingest
    from warehouse.sample.generate import generate

    if not (args.raw / str(args.year)).exists():
        started = time.perf_counter()
        generate(args.raw, args.year, workers=args.workers)
        print(f"generated the sample year in {time.perf_counter() - started:.1f} s")
    files = [f.path for f in discover(args.raw, args.year)]
    db = ROOT / "build" / "bench" / "bench.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    if db.exists():
        db.unlink()
    shutil.rmtree(db.with_suffix(".duckdb.wal"), ignore_errors=True)

    with TreeMemory() as memory:
        report = ingest(db, args.raw, args.year, workers=args.workers)
    rate = report.files_read / report.seconds
    print(f"ingest: {report.files_read:,} workbooks in {report.seconds:.2f} s = {rate:,.0f} workbooks/s")
    print(f"        {report.answers:,} answer cells, {report.quarantined} quarantined")
    print(f"        peak RSS of the process tree (parent + workers): {memory.peak_mib:,.0f} MiB")

    again = ingest(db, args.raw, args.year, workers=args.workers)
    print(f"re-ingest of the unchanged tree: {again.files_read} files read, {again.seconds:.2f} s")

    sample = files
    if args.baseline_files and args.baseline_files < len(files):
        sample = random.Random(0).sample(files, args.baseline_files)
    started = time.perf_counter()
    with TreeMemory() as base_memory, ProcessPoolExecutor(args.workers, mp_context=get_context("forkserver")) as pool:
        cells = sum(pool.map(_pandas_read, sample, chunksize=8))
    seconds = time.perf_counter() - started
    base_rate = len(sample) / seconds
    print(
        f"baseline pandas.read_excel(openpyxl): {len(sample):,} workbooks in {seconds:.2f} s"
        f" = {base_rate:,.1f} workbooks/s"
    )
    print(f"        ({cells:,} cells read, all sheets; peak RSS of the tree {base_memory.peak_mib:,.0f} MiB)")
    print(f"ratio: {rate / base_rate:.1f}× the baseline; workers {args.workers}; cores {os.cpu_count()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
