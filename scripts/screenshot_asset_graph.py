"""Start the Dagster UI on the code location, read the asset graph over GraphQL and take a screenshot.

    .venv/bin/python scripts/screenshot_asset_graph.py [--out build/screenshots/asset_graph.png]
                                                       [--report build/screenshots/asset_graph.json]

``dagster-webserver`` runs on a free loopback port with a temporary ``DAGSTER_HOME`` holding
``orchestration/dagster.yaml``; the script waits until it serves, asks ``/graphql`` for the asset
nodes (key, group, pools, checks), the jobs, schedules and sensors and the instance's pool settings,
writes them as JSON (``--report``), and has headless Chromium draw the global asset lineage
(``/asset-groups``) into ``--out``.  Without ``/usr/bin/chromium`` it writes the report and says so.
The webserver is stopped at the end whatever happens.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from orchestration.service import free_port, graphql
from orchestration.service import stop_group as _stop
from orchestration.service import wait_served as _wait
from warehouse.site.page import font_source

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
WINDOW = (1600, 1000)

GRAPH_QUERY = """
{
  assetNodes {
    assetKey { path }
    groupName
    pools
    dependencyKeys { path }
    assetChecksOrError { ... on AssetChecks { checks { name blocking } } }
  }
  repositoriesOrError {
    ... on RepositoryConnection {
      nodes {
        location { name }
        jobs { name }
        schedules { name cronSchedule executionTimezone futureTicks(limit: 1) { results { timestamp } } }
        sensors { name sensorType }
      }
    }
  }
  instance { poolConfig { poolGranularity defaultPoolLimit } }
}
"""


@contextmanager
def webserver(dagster_home: Path, port: int, log: Path, timeout: float = 120.0) -> Iterator[str]:
    """``dagster-webserver`` on the repository's workspace, serving at the yielded base URL."""
    shutil.copy(ROOT / "orchestration" / "dagster.yaml", dagster_home / "dagster.yaml")
    env = {**os.environ, "DAGSTER_HOME": str(dagster_home)}
    executable = Path(sys.executable).with_name("dagster-webserver")
    command = [str(executable), "-w", str(ROOT / "workspace.yaml"), "-h", "127.0.0.1", "-p", str(port)]
    base = f"http://127.0.0.1:{port}"
    with log.open("w") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            _wait(base, process, log, timeout)
            yield base
        finally:
            _stop(process.pid)


def _fonts(profile: Path) -> dict[str, str]:
    """Chromium's environment with the project's Japanese font (the one the site embeds) added to the host's
    fonts, so that Japanese renders on a machine that has none."""
    conf = profile / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{escape(str(font_source()))}</dir>\n  <cachedir>{escape(str(profile / 'fontconfig'))}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def screenshot(url: str, out: Path) -> None:
    """Headless Chromium's picture of ``url`` once the page's scripts have had 15 s of virtual time."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",  # as root in containers, Chromium refuses to start otherwise
                "--disable-gpu",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                f"--screenshot={out}",
                f"--window-size={WINDOW[0]},{WINDOW[1]}",
                "--virtual-time-budget=15000",
                url,
            ],
            check=True,
            capture_output=True,
            timeout=120,
            env=_fonts(Path(profile)),
        )
    if not out.exists():
        raise RuntimeError(f"Chromium wrote no screenshot to {out}")


def write_report(report: Path | None, result: dict[str, Any]) -> None:
    """The GraphQL answers as JSON, for a test or a person to read (nothing when ``report`` is None)."""
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def capture(out: Path, report: Path | None = None, *, port: int | None = None) -> dict[str, Any]:
    """Serve, query, screenshot; returns the report (also written to ``report`` when given)."""
    with tempfile.TemporaryDirectory(prefix="dagster-home-") as home:
        log = Path(home) / "webserver.log"
        with webserver(Path(home), port or free_port(), log) as base:
            data = graphql(base, GRAPH_QUERY)
            graphql(base, "mutation { setNuxSeen }")  # no welcome dialog over the graph
            shot = None
            if CHROMIUM.exists():
                screenshot(f"{base}/asset-groups", out)
                shot = str(out)
    result = {"base_url": base, "screenshot": shot, **data}
    write_report(report, result)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots" / "asset_graph.png")
    parser.add_argument("--report", type=Path, default=None, help="write the GraphQL answers here as JSON")
    parser.add_argument("--port", type=int, default=None, help="default: a free loopback port")
    args = parser.parse_args(argv)
    result = capture(args.out, args.report, port=args.port)
    nodes = result["assetNodes"]
    groups = sorted({node["groupName"] for node in nodes})
    print(f"{len(nodes)} assets in {len(groups)} groups ({', '.join(groups)})")
    print(f"screenshot: {result['screenshot']}" if result["screenshot"] else f"no screenshot: {CHROMIUM} is absent")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
