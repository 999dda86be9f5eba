"""Screenshots of what a data engineer looks at during the correction weeks: a run's page (e.g. a gate that
held the publication back), the ``raw_files`` sensor's page and the full refresh's launch dialog, opened
from the link in the job's description.

    .venv/bin/python scripts/screenshot_runs.py --home DAGSTER_HOME --raw RAW --run RUN_ID
                                                [--out build/screenshots] [--report report.json]

``dagster dev`` (webserver and daemon) runs on a free loopback port on the instance in ``--home`` with its
run queue paused, so that the sensor's run request stays queued (its tags and the tick are what the sensor
page shows; the run is not executed).  The sensor watches ``--raw``; the script waits for its first tick that
requests a run, reads the sensor's cursor and ticks and the queued run's tags over GraphQL, writes them as
JSON (``--report``), and has headless Chromium draw ``/runs/<run>`` into ``<out>/failed_run.png``, the
sensor into ``<out>/sensor.png``, the runs table (the queued run's tags) into ``<out>/runs.png`` and the
link in ``full_refresh``'s description into ``<out>/launch_link.png`` and the dialog it opens into
``<out>/launch_dialog.png``
(what it selected is in the report).
Everything it started is stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import chromium
from screenshot_asset_graph import CHROMIUM, ROOT, _stop, _wait, free_port, graphql, screenshot, write_report

SENSOR_QUERY = """
{
  sensorOrError(sensorSelector: {repositoryName: "__repository__", repositoryLocationName: "warehouse",
                                 sensorName: "raw_files"}) {
    ... on Sensor {
      minIntervalSeconds
      sensorState {
        status
        typeSpecificData { ... on SensorData { lastCursor } }
        ticks(limit: 5) { status runIds cursor skipReason }
      }
    }
  }
}
"""
RUN_QUERY = '{ runOrError(runId: "%s") { ... on Run { runId status tags { key value } } } }'


def paused_queue(home: Path) -> None:
    """The instance's settings (``orchestration/dagster.yaml`` over what the home holds) with no run dequeued."""
    config_file = home / "dagster.yaml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8")) if config_file.exists() else {}
    config.update(yaml.safe_load((ROOT / "orchestration" / "dagster.yaml").read_text(encoding="utf-8")))
    config.pop("run_coordinator", None)
    config.pop("run_queue", None)
    config.setdefault("concurrency", {})["runs"] = {"max_concurrent_runs": 0}
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")


@contextmanager
def dagster_dev(home: Path, env: dict[str, str], port: int, log: Path, timeout: float = 180.0) -> Iterator[str]:
    """``dagster dev`` on the repository's workspace, serving at the yielded base URL."""
    executable = Path(sys.executable).with_name("dagster")
    command = [str(executable), "dev", "-w", str(ROOT / "workspace.yaml"), "-h", "127.0.0.1", "-p", str(port)]
    base = f"http://127.0.0.1:{port}"
    with log.open("w") as output:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**env, "DAGSTER_HOME": str(home)},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait(base, process, log, timeout)
            yield base
        finally:
            _stop(process.pid)


def first_requesting_tick(base: str, timeout: float = 180.0) -> dict[str, Any]:
    """The sensor's state once a tick has requested a run and the cursor it ended with is stored.

    The daemon records the tick's run ids before it stores the sensor's cursor, so a reader that stopped at
    the run ids alone could see the tick finished and the cursor still empty."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sensor = graphql(base, SENSOR_QUERY)["sensorOrError"]
        state = (sensor or {}).get("sensorState") or {}
        ticks = state.get("ticks") or []
        cursor = (state.get("typeSpecificData") or {}).get("lastCursor")
        if cursor and any(tick["runIds"] for tick in ticks):
            return sensor
        time.sleep(1.0)
    raise TimeoutError(f"the sensor requested no run within {timeout:.0f} s")


def launch_dialog(base: str, out: Path) -> dict[str, Any]:
    """What a data engineer sees launching ``full_refresh``: on the job's page, the link of its description
    (drawn beside ``out``), then "Materialize all…"; the dialog's selected partitions and launch button, and
    its picture in ``out``."""
    with chromium() as page:
        page.goto(f"{base}/locations/warehouse/jobs/full_refresh")
        link = "[...document.querySelectorAll('a')].find(a => a.innerText.startsWith('Launch it for the latest'))"
        page.wait_for(f"!!{link}", what="the description's launch link")
        page.screenshot(out.with_name("launch_link.png"))  # the job's page, its description with the link
        href = page.evaluate(f"{link}.href")
        page.evaluate(f"{link}.click()")
        page.wait_for("location.search.includes('partition=')", what="the job page with a partition")
        page.click_button("Materialize all…")
        dialog = "document.querySelector('[role=dialog]')"
        page.wait_for(f"!!{dialog} && {dialog}.innerText.includes('Partition selection')", what="the launch dialog")
        time.sleep(1.0)  # the partitions' health arrives after the dialog opens
        selected = page.evaluate(f"[...{dialog}.querySelectorAll('[data-tooltip]')].map(e => e.dataset.tooltip)")
        buttons = page.evaluate(f"[...{dialog}.querySelectorAll('button')].map(b => b.innerText.trim())")
        page.screenshot(out)
    return {"link": href, "selected": sorted(set(selected)), "launch": [b for b in buttons if b.startswith("Launch")]}


def capture(home: Path, raw: Path, run_id: str, out: Path, report: Path | None = None) -> dict[str, Any]:
    paused_queue(home)
    env = {
        **os.environ,
        "WAREHOUSE_RAW": str(raw),
        "WAREHOUSE_SENSOR_SETTLE_SECONDS": "0",
        "DAGSTER_DISABLE_TELEMETRY": "yes",
    }
    log = home / "dagster_dev.log"
    with dagster_dev(home, env, free_port(), log) as base:
        graphql(base, "mutation { setNuxSeen }")  # no welcome dialog over the pages
        sensor = first_requesting_tick(base)
        requested = [run for tick in sensor["sensorState"]["ticks"] for run in tick["runIds"]]
        runs = [graphql(base, RUN_QUERY % run) for run in requested]
        shots: dict[str, str] = {}
        dialog: dict[str, Any] = {}
        if CHROMIUM.exists():
            pages = {
                "failed_run": f"{base}/runs/{run_id}",
                "sensor": f"{base}/locations/warehouse/sensors/raw_files",
                "runs": f"{base}/runs",
            }
            for name, url in pages.items():
                screenshot(url, out / f"{name}.png")
                shots[name] = str(out / f"{name}.png")
            dialog = launch_dialog(base, out / "launch_dialog.png")
            shots["launch_link"] = str(out / "launch_link.png")
            shots["launch_dialog"] = str(out / "launch_dialog.png")
    result = {
        "sensor": sensor,
        "requested_runs": [r["runOrError"] for r in runs],
        "launch_dialog": dialog,
        "screenshots": shots,
    }
    write_report(report, result)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="DAGSTER_HOME of the instance holding the run")
    parser.add_argument("--raw", type=Path, required=True, help="the raw folder the sensor watches")
    parser.add_argument("--run", required=True, help="the run whose page is drawn")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--report", type=Path, default=None, help="write the GraphQL answers here as JSON")
    args = parser.parse_args(argv)
    result = capture(args.home, args.raw, args.run, args.out, args.report)
    print(json.dumps(result["screenshots"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
