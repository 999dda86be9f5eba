"""End-to-end benchmark of the national refresh: every stage, the whole, and an incremental refresh.

Usage: ``python scripts/bench.py [--raw build/bench/raw] [--baseline-files N]``.

Each stage runs as its own ``python -m warehouse`` process on a fresh working file, so its wall time,
CPU time (the process and everything it started) and peak memory (sampled over the process tree)
are its own; then the whole refresh runs as one process on a fresh file (as the README's command
does, where the gate's imports overlap the dbt build and the cleaning log overlaps the publication).
Baselines run in the same invocation: ``pandas.read_excel`` (openpyxl) reading the same workbooks,
and, for the incremental refresh after one municipality resubmits, the full refresh.
Targets: full refresh < 60 s, incremental < 15 s, peak RSS < 2 GiB on 2 cores.
With ``--postgres-url`` (default ``WAREHOUSE_POSTGRES_URL``), the national publication is also copied to
that PostgreSQL database (``python -m warehouse pg-publish``) and timed beside the DuckDB publication.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import TreeMemory, _pandas_read

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "bench"


@dataclass
class Measure:
    stage: str
    wall: float
    cpu: float
    peak_mib: float
    note: str = ""


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stage(name: str, args: list[str], common: list[str], note: str = "") -> Measure:
    """Run ``python -m warehouse <args>`` and measure it; a failing stage stops the benchmark."""
    cpu = _cpu_children()
    started = time.perf_counter()
    with TreeMemory() as memory:
        done = subprocess.run(
            [sys.executable, "-m", "warehouse", *common, *args], cwd=ROOT, capture_output=True, text=True
        )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{name} failed:\n{done.stdout}\n{done.stderr}")
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    print(f"  {name}: {wall:.1f} s  {last}")
    return Measure(name, wall, _cpu_children() - cpu, memory.peak_mib, note or last)


def publication_times(duckdb_stage: Measure, postgres_stage: Measure) -> str:
    """The two publications side by side: each command's own figure ("in N s", without the process start)
    and the whole process, with the ratio of PostgreSQL's to the DuckDB file's."""

    def own(m: Measure) -> float:
        found = re.search(r" in ([0-9.]+) s$", m.note)
        return float(found[1]) if found else m.wall

    duck, pg = own(duckdb_stage), own(postgres_stage)
    return (
        f"publication: DuckDB file {duck:.1f} s, PostgreSQL {pg:.1f} s ({pg / duck:.1f}× the file's); "
        f"as processes {duckdb_stage.wall:.1f} s and {postgres_stage.wall:.1f} s"
    )


def baseline_read(files: list[str], workers: int) -> Measure:
    started = time.perf_counter()
    with TreeMemory() as memory, ProcessPoolExecutor(workers, mp_context=get_context("forkserver")) as pool:
        list(pool.map(_pandas_read, files, chunksize=8))
    wall = time.perf_counter() - started
    return Measure("baseline: pandas.read_excel", wall, float("nan"), memory.peak_mib, f"{len(files):,} workbooks")


def resubmit_one(raw: Path, year: int) -> Path:
    """A municipality sends a corrected return: same answers but one, saved as ``<name>__bench.xlsx``."""
    from warehouse.codebook import load_edition
    from warehouse.ingest.reader import read_sheet
    from warehouse.workbook.template import write_workbook

    cb = load_edition(year)["municipality"]
    source = sorted((raw / str(year) / "municipality").glob("*.xlsx"))[0]
    answer_cells = cb.cell_map()
    cells = {k: v for k, v in read_sheet(source, cb.sheet).cells.items() if k in answer_cells}
    structure = cb.item("q1_implementation_structure").cell
    assert structure is not None
    cells[structure] = 2 if cells.get(structure) == 1 else 1
    target = source.with_name(f"{source.stem.split('__')[0]}__bench.xlsx")
    write_workbook(cb, target, cells)
    return target


def _fresh(db: Path, published: Path) -> None:
    """No working file, publication or dbt artifacts left from an earlier run."""
    for path in (db, db.with_name(db.name + ".wal"), published):
        path.unlink(missing_ok=True)
    shutil.rmtree(WORK / "dbt", ignore_errors=True)


def hub_year(raw: Path, common: list[str], workers: int) -> tuple[Measure, int]:
    """The full refresh of the 令和7年度 hub survey (871 hubs), on a fresh working file; its returns."""
    from warehouse.ingest.run import discover
    from warehouse.sample.generate import generate

    year = 2025
    if not (raw / str(year)).exists():
        print("generating the sample hub year (once) …")
        generate(raw, year, workers=workers)
    files = len(discover(raw, year))
    db, published = WORK / "bench.duckdb", WORK / "published.duckdb"
    _fresh(db, published)
    print(f"full refresh of the hub year ({files:,} workbooks):")
    return stage("hub year (2025) refresh", ["run", "--year", str(year)], common, note="871 hubs"), files


def legacy_deal() -> tuple[float, float, int]:
    """Seconds to deal every legacy edition's calibrated sample (dealt together, one municipality followed
    across the years) against dealing the 2023 national year in the same run, and the returns dealt."""
    from warehouse.codebook import editions, load_edition
    from warehouse.sample import legacy
    from warehouse.sample.generate import deal

    years = [e for e in editions() if any(cb.survey in legacy.SURVEYS for cb in load_edition(e).values())]
    started = time.perf_counter()
    returns = sum(len(deal(year, seed=5).answers) for year in years)
    took = time.perf_counter() - started
    started = time.perf_counter()
    deal(2023, seed=5)
    return took, time.perf_counter() - started, returns


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raw", type=Path, default=WORK / "raw")
    parser.add_argument("--year", type=int, default=2023)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--baseline-files", type=int, default=0, help="baseline reads N random files (0 = all)")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("WAREHOUSE_POSTGRES_URL", ""),
        help="also time the publication to this PostgreSQL database (default WAREHOUSE_POSTGRES_URL)",
    )
    args = parser.parse_args()

    from warehouse.ingest.run import discover
    from warehouse.sample.generate import generate

    if not (args.raw / str(args.year)).exists():
        print("generating the sample national year (once) …")
        generate(args.raw, args.year, workers=args.workers)
    for stale in args.raw.glob(f"{args.year}/*/*__bench.xlsx"):
        stale.unlink()
    files = [f.path for f in discover(args.raw, args.year)]
    db, published, log = WORK / "bench.duckdb", WORK / "published.duckdb", WORK / "cleaning_log"
    _fresh(db, published)
    site = WORK / "site"
    common = ["--raw", str(args.raw), "--db", str(db), "--published", str(published), "--cleaning-log", str(log)]
    common += ["--site", str(site)]
    print(f"full refresh of {len(files):,} workbooks, stage by stage:")
    full = [
        stage("ingest", ["ingest"], common),
        stage("lookups + dbt build", ["transform"], common),
        stage("gate", ["gate"], common),
        stage("publish", ["publish"], common),
    ]
    postgres = []  # beside the stages, not in their sum: the refresh's publication is the DuckDB file's
    if args.postgres_url:
        postgres.append(stage("publish to PostgreSQL", ["--postgres-url", args.postgres_url, "pg-publish"], common))
    shutil.rmtree(site, ignore_errors=True)
    site_full = stage("site (every page)", ["site"], common, note="from the published file, empty folder")
    site_same = stage("site (unchanged)", ["site"], common, note="nothing to rewrite")
    staged = Measure(
        "sum of the stages", sum(m.wall for m in full), sum(m.cpu for m in full), max(m.peak_mib for m in full)
    )
    _fresh(db, published)
    print("full refresh in one process (python -m warehouse run), on a fresh working file:")
    total = stage("full refresh", ["run"], common, note="what `bash scripts/run.sh` runs")
    print("incremental refresh after one municipality resubmits:")
    changed = resubmit_one(args.raw, args.year)
    incremental = stage("incremental refresh", ["run"], common, note=changed.name)
    changed.unlink()
    sample = files
    if args.baseline_files and args.baseline_files < len(files):
        sample = random.Random(0).sample(files, args.baseline_files)
    print(f"baseline: reading {len(sample):,} workbooks with pandas.read_excel(openpyxl) …")
    base = baseline_read(sample, args.workers)

    hub, hub_files = hub_year(args.raw, common, args.workers)

    rows = [*full, *postgres, staged, site_full, site_same, total, incremental, base, hub]
    print(f"\n{'stage':<28}{'wall s':>9}{'CPU s':>9}{'peak MiB':>10}  note")
    for m in rows:
        print(f"{m.stage:<28}{m.wall:>9.1f}{m.cpu:>9.1f}{m.peak_mib:>10.0f}  {m.note}")
    ingest_rate = len(files) / full[0].wall
    base_rate = len(sample) / base.wall
    print(f"\ncores: {os.cpu_count()}, workers: {args.workers}")
    print(
        f"reading: {ingest_rate:,.0f} workbooks/s (whole ingest stage, process start included) against "
        f"{base_rate:,.1f} with pandas/openpyxl: {ingest_rate / base_rate:.1f}×"
    )
    if postgres:
        print(publication_times(full[3], postgres[0]))
    print(f"full refresh: {total.wall:.1f} s (target < 60 s); peak RSS {total.peak_mib:,.0f} MiB (target < 2,048)")
    print(
        f"incremental: {incremental.wall:.1f} s (target < 15 s), {total.wall / incremental.wall:.1f}× faster than "
        "the full rebuild"
    )
    per_return, hub_per_return = total.wall / len(files), hub.wall / hub_files
    print(
        f"hub year: {hub.wall:.1f} s for {hub_files:,} returns, {hub_per_return * 1000:.0f} ms a return against "
        f"{per_return * 1000:.0f} ms for the national year ({hub_per_return / per_return:.1f}×)"
    )
    print(
        f"site: {site_full.wall:.1f} s for every page ({site_full.wall / staged.wall:.0%} of the stages before it), "
        f"{site_same.wall:.1f} s when nothing changed"
    )
    took, national, returns = legacy_deal()
    print(
        f"legacy samples: {returns:,} calibrated returns of every legacy edition dealt in {took:.1f} s, "
        f"{took / national:.2f}× the time of the 2023 national year ({national:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
