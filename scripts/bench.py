"""End-to-end benchmark of the national refresh: every stage, the whole, an incremental refresh, and a
corrected return dropped into raw/ until it is published through a real Dagster instance.

Usage: ``python scripts/bench.py [--raw build/bench/raw] [--baseline-files N] [--no-dagster]``.

Each stage runs as its own ``python -m warehouse`` process on a fresh working file, so its wall time,
CPU time (the process and everything it started) and peak memory (sampled over the process tree)
are its own; then the whole refresh runs as one process on a fresh file (as the README's command
does, with its worker processes: see ``warehouse.pipeline.refresh``). The incremental refresh after one municipality
resubmits runs three times, a different municipality each time, and the median is kept (a single run on
2 cores varies by about a second). Baselines run in the same invocation: ``pandas.read_excel`` (openpyxl)
reading the same workbooks, and, for the incremental refresh, the full refresh.
Then ``dagster-daemon`` runs on the same files with a fresh ``DAGSTER_HOME`` (``orchestration/dagster.yaml``):
once its sensor's first run has settled, a corrected return is dropped into raw/ and ``meta.publication``
of the published file is polled until the refresh it triggers has published; the time from the drop is
split into the sensor's wait, the run's queue and launch, each step, and the end of the run.
With ``--postgres-url`` (default ``WAREHOUSE_POSTGRES_URL``), the national publication is also copied to
that PostgreSQL database (``python -m warehouse pg-publish``) and timed beside the DuckDB publication.
Then every edition is refreshed in turn on one fresh file, and one edition (2017) again after one of its
returns is sent again, which neither rebuilds nor re-gates the others.
Targets: full refresh < 60 s, incremental < 15 s, drop → published ≤ 60 s, peak RSS < 2 GiB on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import TreeMemory, _pandas_read

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "bench"
#: The 2023 answer a corrected return changes (問1 実施体制).
CORRECTED_ITEM = "q1_implementation_structure"


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
    with TreeMemory(interval=0.05) as memory:  # a sample lists every process: not too often on 2 cores
        done = subprocess.run(
            [sys.executable, "-m", "warehouse", *common, *args], cwd=ROOT, capture_output=True, text=True
        )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{name} failed:\n{done.stdout}\n{done.stderr}")
    lines = done.stdout.strip().splitlines()
    said = next((line.strip() for line in lines if line.strip().startswith("time:")), lines[-1] if lines else "")
    print(f"  {name}: {wall:.1f} s  {said}")
    return Measure(name, wall, _cpu_children() - cpu, memory.peak_mib, note or said)


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


def resubmit_one(raw: Path, year: int, suffix: str = "bench", index: int = 0, *, change: str | None = None) -> Path:
    """A municipality sends its return again, saved as ``<name>__<suffix>.xlsx`` (a new version of the same file
    family): with the answer to the single-choice item ``change`` switched between its first two codes, or, when
    None, with the answers unchanged (a question every edition has is not needed to time a new version)."""
    from warehouse.codebook import load_edition
    from warehouse.ingest.reader import read_sheet
    from warehouse.workbook.template import write_workbook

    cb = load_edition(year)["municipality"]
    source = sorted(p for p in (raw / str(year) / "municipality").glob("*.xlsx") if "__" not in p.stem)[index]
    answer_cells = cb.cell_map()
    cells = {k: v for k, v in read_sheet(source, cb.sheet).cells.items() if k in answer_cells}
    if change is not None:
        cell = cb.item(change).cell
        assert cell is not None
        cells[cell] = 2 if cells.get(cell) == 1 else 1
    target = source.with_name(f"{source.stem}__{suffix}.xlsx")
    write_workbook(cb, target, cells)
    return target


@dataclass
class DagsterMeasure:
    seconds: float  # drop → published
    parts: list[tuple[str, float]]  # where the time went, in order
    run_id: str


def _published_at(published: Path) -> dt.datetime | None:
    from warehouse.publish.swap import read_publication

    try:
        publication = read_publication(published)
    except Exception:
        return None
    value = (publication or {}).get("published_at")
    return dt.datetime.fromisoformat(str(value)) if value else None


def _wait_for_runs(instance: object, settle: float, timeout: float) -> None:
    """Until the instance has a run and none is queued or in progress (the sensor's first runs are done)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        runs = instance.get_runs()  # type: ignore[attr-defined]
        if runs and all(run.is_finished for run in runs):
            return
        time.sleep(settle)
    raise SystemExit(f"the sensor's first run did not finish in {timeout:.0f} s")


def drop_to_published(
    raw: Path, year: int, env: dict[str, str], published: Path, timeout: float = 600
) -> DagsterMeasure:
    """Start dagster-daemon on the benchmark's files, drop a corrected return, time it until published."""
    import dagster as dg

    home = WORK / "dagster_home"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    shutil.copy(ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    env = {**env, "DAGSTER_HOME": str(home), "WAREHOUSE_ALERT_LOG": str(WORK / "alerts.jsonl")}
    log = (WORK / "dagster_daemon.log").open("w")
    daemon = subprocess.Popen(
        [str(Path(sys.executable).with_name("dagster-daemon")), "run", "-w", str(ROOT / "workspace.yaml")],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    os.environ["DAGSTER_HOME"] = str(home)
    try:
        with dg.DagsterInstance.get() as instance:
            print("  waiting for the sensor's first run (it reads the tree as it is) …")
            _wait_for_runs(instance, 2.0, timeout)
            before = _published_at(published)
            dropped = resubmit_one(raw, year, suffix="dagster", index=1, change=CORRECTED_ITEM)
            t0 = time.time()
            print(f"  dropped {dropped.name}; polling meta.publication of {published.name} …")
            while time.time() - t0 < timeout:
                at = _published_at(published)
                if at is not None and (before is None or at > before):
                    break
                time.sleep(0.5)
            else:
                raise SystemExit(f"nothing was published {timeout:.0f} s after the drop; see {log.name}")
            seconds = time.time() - t0
            [run] = [r for r in instance.get_runs() if dropped.name in r.tags.get("warehouse/changed_files", "")]
            _wait_for_runs(instance, 0.5, timeout)  # the run's last steps, before the daemon is stopped
            parts = _run_parts(instance, run, t0, seconds)
            dropped.unlink()
            return DagsterMeasure(seconds, parts, run.run_id)
    finally:
        os.killpg(daemon.pid, signal.SIGTERM)
        try:
            daemon.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(daemon.pid, signal.SIGKILL)
        log.close()


def _run_parts(instance: object, run: object, t0: float, total: float) -> list[tuple[str, float]]:
    """Drop → run created (sensor), → run started (queue, launch, code location loaded), each step, → published."""
    record = instance.get_run_record_by_id(run.run_id)  # type: ignore[attr-defined]
    stats = instance.get_run_stats(run.run_id)  # type: ignore[attr-defined]
    created = record.create_timestamp.timestamp()
    parts = [("sensor: drop → run requested", created - t0)]
    launched = stats.launch_time or created
    parts.append(("queue → launched", launched - created))
    steps = sorted(instance.get_run_step_stats(run.run_id), key=lambda s: s.start_time or 0)  # type: ignore[attr-defined]
    first = steps[0].start_time if steps and steps[0].start_time else launched
    parts.append(("run process start, code location load", first - launched))
    published_at = t0 + total
    timed = [s for s in steps if s.start_time and s.end_time]
    # the steps up to the one that publishes (it ends once the file is swapped in), then those after it
    publishing = next((s.end_time for s in timed if s.step_key == "published"), published_at)
    for step in timed:
        if step.start_time < publishing:
            parts.append((f"step {step.step_key}", step.end_time - step.start_time))
    waited = published_at - first - sum(p for n, p in parts if n.startswith("step "))
    parts.append(("between steps, run end, poll", waited))
    for step in timed:
        if step.start_time >= publishing:
            parts.append((f"after the publication: step {step.step_key}", step.end_time - step.start_time))
    return parts


def _fresh(db: Path, published: Path) -> None:
    """No working file, publication or dbt artifacts left from an earlier run."""
    for path in (db, db.with_name(db.name + ".wal"), published):
        path.unlink(missing_ok=True)
    shutil.rmtree(WORK / "dbt", ignore_errors=True)


def hub_year(raw: Path, common: list[str], workers: int) -> tuple[Measure, int]:
    """The full refresh of the 令和7年度 hub survey (871 hubs), on a fresh working file; its returns."""
    from warehouse.ingest.folder import discover
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


def all_editions(raw: Path, common: list[str], workers: int, resent: int) -> tuple[Measure, Measure, int]:
    """Every edition refreshed on one fresh working file, oldest first (the published file then holds them
    all), then one return of the ``resent`` edition sent again and that edition refreshed alone: it neither
    rebuilds nor re-gates the others. The whole, the one-edition refresh, and the workbooks read."""
    from warehouse.codebook import editions
    from warehouse.ingest.folder import discover
    from warehouse.sample.generate import generate

    years = editions()
    for year in years:
        for stale in raw.glob(f"{year}/*/*__bench.xlsx"):
            stale.unlink()
        if not (raw / str(year)).exists():
            print(f"generating the sample of {year} (once) …")
            generate(raw, year, workers=workers)
    files = sum(len(discover(raw, year)) for year in years)
    db, published = WORK / "bench.duckdb", WORK / "published.duckdb"
    _fresh(db, published)
    print(f"every edition ({', '.join(map(str, years))}; {files:,} workbooks) refreshed in turn on one fresh file:")
    runs = [stage(f"edition {year}", ["run", "--year", str(year)], common) for year in years]
    wall, cpu, peak = sum(m.wall for m in runs), sum(m.cpu for m in runs), max(m.peak_mib for m in runs)
    whole = Measure(f"all {len(years)} editions", wall, cpu, peak, f"{files:,} workbooks")
    changed = resubmit_one(raw, resent)
    one = stage(f"one edition ({resent}) incremental", ["run", "--year", str(resent)], common, note=changed.name)
    changed.unlink()
    return whole, one, files


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


def _remove_site(site: Path) -> None:
    """The site and its versions beside it (it is a link to the current one), so the next build writes every page."""
    from warehouse.site.writer import versions

    for version in versions(site):
        shutil.rmtree(version, ignore_errors=True)
    if site.is_symlink():
        site.unlink()
    else:
        shutil.rmtree(site, ignore_errors=True)


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
    parser.add_argument("--no-dagster", action="store_true", help="skip drop → published through Dagster")
    parser.add_argument("--no-stages", action="store_true", help="skip the stage-by-stage full refresh")
    args = parser.parse_args()

    from warehouse.ingest.folder import discover
    from warehouse.sample.generate import generate

    if not (args.raw / str(args.year)).exists():
        print("generating the sample national year (once) …")
        generate(args.raw, args.year, workers=args.workers)
    for stale in [*args.raw.glob(f"{args.year}/*/*__bench.xlsx"), *args.raw.glob(f"{args.year}/*/*__dagster.xlsx")]:
        stale.unlink()
    files = [f.path for f in discover(args.raw, args.year)]
    db, published, log = WORK / "bench.duckdb", WORK / "published.duckdb", WORK / "cleaning_log"
    _fresh(db, published)
    site = WORK / "site"
    common = ["--raw", str(args.raw), "--db", str(db), "--published", str(published), "--cleaning-log", str(log)]
    common += ["--site", str(site), "--site-audience", "ministry"]  # every page, as before the audiences
    year = ["--year", str(args.year)]
    print(f"full refresh of {len(files):,} workbooks, stage by stage:")
    full = (
        []
        if args.no_stages
        else [
            stage("ingest", ["ingest", *year], common),
            stage("lookups + dbt build", ["transform"], common),  # every edition's returns in the file
            stage("gate", ["gate", *year], common),
            stage("cleaning log", ["cleaning-log"], common),  # every year's latest gate run
            stage("publish", ["publish", *year], common),
        ]
    )
    postgres = []  # beside the stages, not in their sum: the refresh's publication is the DuckDB file's
    if args.postgres_url and full:
        postgres.append(stage("publish to PostgreSQL", ["--postgres-url", args.postgres_url, "pg-publish"], common))
    peak = max((m.peak_mib for m in full), default=0.0)
    staged = Measure("sum of the stages", sum(m.wall for m in full), sum(m.cpu for m in full), peak)
    _fresh(db, published)
    print("full refresh in one process (python -m warehouse run), on a fresh working file:")
    total = stage("full refresh", ["run", *year], common, note="what `bash scripts/run.sh` runs")
    scratch = WORK / "first_run_raw"
    shutil.rmtree(scratch, ignore_errors=True)
    generated = stage(
        "sample generation",
        ["--raw", str(scratch), "generate", *year],
        [],
        note="what `bash scripts/run.sh` writes first into an empty raw/",
    )
    shutil.rmtree(scratch, ignore_errors=True)
    _remove_site(site)
    site_full = stage("site (every page)", ["site"], common, note="from the published file, empty folder")
    site_same = stage("site (unchanged)", ["site"], common, note="nothing to rewrite")
    print("incremental refresh after one municipality resubmits (three in turn; the median is kept):")
    tries = []
    for index in range(3):
        changed = resubmit_one(args.raw, args.year, index=index, change=CORRECTED_ITEM)
        tries.append(stage(f"incremental refresh ({index + 1} of 3)", ["run", *year], common, note=changed.name))
    middle = sorted(tries, key=lambda m: m.wall)[1]
    incremental = replace(middle, stage="incremental refresh", note=f"median of 3: {middle.note}")
    print("a refresh with nothing changed since the last one:")
    nothing = stage("no-op refresh", ["run", *year], common, note="nothing changed: nothing done")
    for stale in args.raw.glob(f"{args.year}/*/*__bench.xlsx"):
        stale.unlink()
    dagster = None
    if not args.no_dagster:
        print("drop → published through a real Dagster instance (dagster-daemon, sensor raw_files):")
        env = {
            **os.environ,
            "WAREHOUSE_RAW": str(args.raw),
            "WAREHOUSE_DB": str(db),
            "WAREHOUSE_PUBLISHED": str(published),
            "WAREHOUSE_CLEANING_LOG": str(log),
        }
        dagster = drop_to_published(args.raw, args.year, env, published)
    sample = files
    if args.baseline_files and args.baseline_files < len(files):
        sample = random.Random(0).sample(files, args.baseline_files)
    print(f"baseline: reading {len(sample):,} workbooks with pandas.read_excel(openpyxl) …")
    base = baseline_read(sample, args.workers)

    hub, hub_files = hub_year(args.raw, common, args.workers)
    every, one_edition, every_files = all_editions(args.raw, common, args.workers, resent=2017)
    print("the site of the file holding every edition:")
    _remove_site(site)
    site_every = stage("site, every edition", ["site"], common, note="every edition's pages, empty folder")
    site_every_same = stage("site, every edition (same)", ["site"], common, note="nothing to rewrite")

    rows = [*full, *postgres, staged, generated, site_full, site_same, total, *tries, incremental, nothing]
    rows += [base, hub, every, one_edition, site_every, site_every_same]
    print(f"\n{'stage':<28}{'wall s':>9}{'CPU s':>9}{'peak MiB':>10}  note")
    for m in rows:
        print(f"{m.stage:<28}{m.wall:>9.1f}{m.cpu:>9.1f}{m.peak_mib:>10.0f}  {m.note}")
    base_rate = len(sample) / base.wall
    print(f"\ncores: {os.cpu_count()}, workers: {args.workers}")
    if full:
        ingest_rate = len(files) / full[0].wall
        print(
            f"reading: {ingest_rate:,.0f} workbooks/s (whole ingest stage, process start included) against "
            f"{base_rate:,.1f} with pandas/openpyxl: {ingest_rate / base_rate:.1f}×"
        )
    if postgres:
        print(publication_times(full[4], postgres[0]))
    print(f"full refresh: {total.wall:.1f} s (target < 60 s); peak RSS {total.peak_mib:,.0f} MiB (target < 2,048)")
    print(
        f"first run after the install: {generated.wall + total.wall:.1f} s (target ≤ 120 s): the sample "
        f"{generated.wall:.1f} s (target ≤ 30 s) and the full refresh {total.wall:.1f} s"
    )
    print(
        f"incremental: {incremental.wall:.1f} s (target < 15 s), {total.wall / incremental.wall:.1f}× faster than "
        "the full rebuild"
    )
    print(f"no-op: {nothing.wall:.2f} s (target ≤ 3 s), {total.wall / nothing.wall:.0f}× faster than the full rebuild")
    per_return, hub_per_return = total.wall / len(files), hub.wall / hub_files
    print(
        f"hub year: {hub.wall:.1f} s for {hub_files:,} returns, {hub_per_return * 1000:.0f} ms a return against "
        f"{per_return * 1000:.0f} ms for the national year ({hub_per_return / per_return:.1f}×)"
    )
    print(
        f"site: {site_full.wall:.1f} s for every page ({site_full.wall / total.wall:.0%} of the full refresh), "
        f"{site_same.wall:.1f} s when nothing changed"
    )
    print(
        f"all editions: {every.wall:.1f} s for {every_files:,} workbooks; one edition (2017) after one return sent "
        f"again: {one_edition.wall:.1f} s, {every.wall / one_edition.wall:.1f}× faster than all editions"
    )
    print(
        f"site of every edition: {site_every.wall:.1f} s from an empty folder (target ≤ 20 s), "
        f"{site_every_same.wall:.1f} s when nothing changed (target ≤ 3 s); "
        f"{site_every.wall / site_full.wall:.1f}× the site of the national year alone"
    )
    took, national, returns = legacy_deal()
    print(
        f"legacy samples: {returns:,} calibrated returns of every legacy edition dealt in {took:.1f} s, "
        f"{took / national:.2f}× the time of the 2023 national year ({national:.1f} s)"
    )
    print(f"\n{'side by side':<52}{'wall s':>9}{'÷ full':>9}")
    side = [
        ("full refresh (CLI)", total.wall),
        ("incremental refresh after one resubmission (CLI)", incremental.wall),
        ("refresh with nothing changed (CLI)", nothing.wall),
        ("every edition, in turn on one file (CLI)", every.wall),
        ("one edition (2017) after one return sent again (CLI)", one_edition.wall),
    ]
    if dagster is not None:
        side.append(("drop → published through Dagster (daemon + sensor)", dagster.seconds))
    for name, seconds in side:
        print(f"{name:<52}{seconds:>9.1f}{seconds / total.wall:>9.2f}")
    if dagster is not None:
        print(f"\ndrop → published {dagster.seconds:.1f} s (target ≤ 60 s), run {dagster.run_id}:")
        for name, seconds in dagster.parts:
            print(f"  {name:<48}{seconds:>7.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
