"""What would publish nonsense is refused by the real command line, and the analysts' file stays
byte-identical: a missing raw folder, a missing or empty year, an edition without a codebook, a sharp
drop in returns (unless forced), a publication that cannot be written (disk full).  The command runs
as a subprocess configured by the environment, as docs/operations.md says it can be; what crashed runs left
is gone after the next run.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import Ingested
from warehouse.pipeline.leftovers import temp_root
from warehouse.pipeline.refusals import RESPONDENTS_KEY
from warehouse.publish.swap import read_publication
from warehouse.settings import TABLE_END, TABLE_START, Settings

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
OPERATIONS = ROOT / "docs" / "operations.md"


def command(*args: str, env: dict[str, str], preexec: object = None) -> subprocess.CompletedProcess[str]:
    """``python -m warehouse <args>`` in a process of its own, configured by ``env`` on top of this one's."""
    return subprocess.run(
        [sys.executable, "-m", "warehouse", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "GX_ANALYTICS_ENABLED": "false", **env},
        capture_output=True,
        text=True,
        timeout=900,
        preexec_fn=preexec,  # type: ignore[arg-type]
    )


def refused_in_one_sentence(done: subprocess.CompletedProcess[str], *phrases: str) -> None:
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    progress = ("stage: ", "ingest: ", "dbt build: ")  # what a run says before the drop check: stages, counts
    lines = [line for line in done.stderr.strip().splitlines() if not line.startswith(progress)]
    assert len(lines) == 1, done.stderr
    for phrase in phrases:
        assert phrase in lines[0], lines[0]


@dataclass
class Area:
    root: Path
    env: dict[str, str]
    published: Path
    sample: Ingested
    first: subprocess.CompletedProcess[str]
    planted: list[Path]

    @property
    def published_bytes(self) -> bytes:
        return self.published.read_bytes()


def plant_leftovers(root: Path) -> list[Path]:
    """What a run killed midway leaves, named as the publisher and the export name them: a publication
    temp file and its WAL, a cleaning-log staging folder, a multiprocessing temp folder of a process
    that is gone."""
    published_tmp = root / f"published.duckdb.tmp-{'0123456789abcdef' * 2}"
    published_tmp.write_bytes(b"half a publication")
    wal = root / f"published.duckdb.tmp-{'0123456789abcdef' * 2}.wal"
    wal.write_bytes(b"its wal")
    staging = root / "cleaning_log" / ".2023.crashed"
    staging.mkdir(parents=True)
    (staging / "13_東京都.xlsx").write_bytes(b"half a workbook")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    multiprocessing_tmp = temp_root(root / "warehouse.duckdb") / dead.stdout.strip() / "pymp-crashed"
    multiprocessing_tmp.mkdir(parents=True)
    (multiprocessing_tmp / "listener-x").write_bytes(b"")
    return [published_tmp, wal, staging, multiprocessing_tmp.parent]


@pytest.fixture(scope="module")
def area(clean_year: Ingested, tmp_path_factory: pytest.TempPathFactory) -> Area:
    """The reduced sample refreshed by ``python -m warehouse run`` configured by the environment alone."""
    root = tmp_path_factory.mktemp("refusals")
    shutil.copytree(clean_year.raw, root / "raw")
    env = {
        "WAREHOUSE_RAW": str(root / "raw"),
        "WAREHOUSE_DB": str(root / "warehouse.duckdb"),
        "WAREHOUSE_PUBLISHED": str(root / "published.duckdb"),
        "WAREHOUSE_CLEANING_LOG": str(root / "cleaning_log"),
    }
    planted = plant_leftovers(root)
    first = command("run", "--year", "2023", env=env)  # an option after the command
    return Area(root, env, root / "published.duckdb", clean_year, first, planted)


def forms_written(sample: Ingested) -> dict[str, int]:
    counts: dict[str, int] = {}
    for rid in sample.sample.files:
        form = sample.sample.respondents[rid].form
        counts[form] = counts.get(form, 0) + 1
    return counts


@pytest.mark.slow  # the module's refresh
def test_the_environment_configures_the_command_line_and_the_publication_counts_respondents(area: Area) -> None:
    assert area.first.returncode == 0, area.first.stderr[-3000:]
    assert f"published: {area.published}" in area.first.stdout
    meta = read_publication(area.published)
    assert meta is not None
    assert json.loads(meta[RESPONDENTS_KEY]) == {"2023": forms_written(area.sample)}
    assert list((area.root / "cleaning_log").glob("**/*.xlsx")), "the cleaning log went elsewhere"


@pytest.mark.slow  # the module's refresh
def test_leftovers_of_a_crashed_run_are_gone_after_the_next_run(area: Area) -> None:
    assert area.first.returncode == 0, area.first.stderr[-3000:]
    assert [path for path in area.planted if path.exists()] == []
    for path in area.planted:  # a temporary folder of an ended process goes silently: nobody reads it
        said = f"removed {path}" in area.first.stderr
        assert said != path.parent.name.startswith("zaitaku-"), path
    assert list(area.root.glob("published.duckdb.tmp-*")) == []


@pytest.mark.slow  # the module's refresh
def test_a_missing_raw_folder_is_refused_and_nothing_is_generated_into_it(area: Area) -> None:
    before = area.published_bytes
    mistyped = area.root / "raw_typo"
    done = command("run", env={**area.env, "WAREHOUSE_RAW": str(mistyped)})
    refused_in_one_sentence(done, str(mistyped), "does not exist")
    # the README's run command asks for the sample on the repository's raw/ only
    done = command("--raw", str(mistyped), "run", "--sample-if-absent", env=area.env)  # an option before it
    refused_in_one_sentence(done, "--sample-if-absent", str(mistyped))
    assert not mistyped.exists()
    assert area.published_bytes == before


@pytest.mark.parametrize("layout", ["no year folder", "empty form folders", "only hidden files"])
@pytest.mark.slow  # the module's refresh
def test_an_empty_year_is_refused(area: Area, tmp_path: Path, layout: str) -> None:
    before = area.published_bytes
    raw = tmp_path / "raw"
    raw.mkdir()
    if layout != "no year folder":
        for form in ("prefecture", "municipality", "coordinator"):
            (raw / "2023" / form).mkdir(parents=True)
    if layout == "only hidden files":
        (raw / "2023" / "municipality" / ".DS_Store").write_bytes(b"\0")
    fresh = {"WAREHOUSE_RAW": str(raw), "WAREHOUSE_DB": str(tmp_path / "fresh.duckdb")}
    done = command("run", "--year", "2023", env={**area.env, **fresh})
    refused_in_one_sentence(done, str(raw / "2023"), "--force")
    assert area.published_bytes == before
    assert not (tmp_path / "fresh.duckdb").exists()  # refused before any work


@pytest.mark.slow  # the module's refresh
def test_an_edition_without_a_codebook_is_refused(area: Area) -> None:
    before = area.published_bytes
    year = area.root / "raw" / "2031" / "municipality"
    year.mkdir(parents=True)
    shutil.copy(next((area.root / "raw" / "2023" / "municipality").iterdir()), year)
    done = command("run", "--year", "2031", env=area.env)
    refused_in_one_sentence(done, "2031", "codebook")
    assert area.published_bytes == before


@pytest.mark.slow  # the module's refresh
def test_a_sharp_drop_is_refused_and_force_publishes(area: Area, tmp_path: Path) -> None:
    assert area.first.returncode == 0, area.first.stderr[-3000:]
    published = tmp_path / "published.duckdb"
    shutil.copy2(area.published, published)
    before = published.read_bytes()
    raw = tmp_path / "raw"
    shutil.copytree(area.root / "raw" / "2023", raw / "2023")
    municipalities = sorted((raw / "2023" / "municipality").iterdir())
    kept = len(municipalities) // 3
    for path in municipalities[kept:]:
        path.unlink()
    env = {
        **area.env,
        "WAREHOUSE_RAW": str(raw),
        "WAREHOUSE_DB": str(tmp_path / "w.duckdb"),
        "WAREHOUSE_PUBLISHED": str(published),
        "WAREHOUSE_CLEANING_LOG": str(tmp_path / "cleaning_log"),
    }
    done = command("run", env=env)
    expected = forms_written(area.sample)["municipality"]
    refused_in_one_sentence(done, f"{kept:,} current municipality returns against {expected:,}", "--force")
    assert published.read_bytes() == before
    forced = command("run", "--force", env=env)
    assert forced.returncode == 0, forced.stderr[-3000:]
    meta = read_publication(published)
    assert meta is not None and json.loads(meta[RESPONDENTS_KEY])["2023"]["municipality"] == kept


@pytest.mark.slow  # the module's refresh
def test_a_full_disk_during_publish_is_one_sentence_and_the_publication_stays(area: Area) -> None:
    assert area.first.returncode == 0, area.first.stderr[-3000:]
    before = area.published_bytes
    limit = 256 * 1024  # the publication is larger: writing it past this fails like a full disk

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = command("publish", env=area.env, preexec=small_disk)
    refused_in_one_sentence(
        done, "file size limit reached while writing", f"the publication {area.published} is unchanged"
    )
    assert area.published_bytes == before
    assert list(area.root.glob("published.duckdb.tmp-*")) == []


def _documented_variables() -> list[str]:
    """The variables of the table generated into docs/operations.md (between its marker comments)."""
    text = OPERATIONS.read_text(encoding="utf-8")
    section = text[text.index(TABLE_START) : text.index(TABLE_END)]
    return sorted(set(re.findall(r"`(WAREHOUSE_[A-Z_]+)`", section)))


def test_every_variable_of_the_documented_configuration_is_read_by_the_settings() -> None:
    names = _documented_variables()
    assert {"WAREHOUSE_RAW", "WAREHOUSE_DB", "WAREHOUSE_PUBLISHED", "WAREHOUSE_CLEANING_LOG"} <= set(names)
    values = {
        "WAREHOUSE_LOCK_WAIT": "0",
        "WAREHOUSE_FORCE": "1",
        "WAREHOUSE_MIN_RETURNS_SHARE": "0.25",
        "WAREHOUSE_POSTGRES_URL": "postgresql://reader@localhost:5432/warehouse",
        "WAREHOUSE_SITE_AUDIENCE": "ministry",
    }
    default = Settings.from_env({})
    for name in names:
        if name.startswith(("WAREHOUSE_REFRESH_", "WAREHOUSE_SENSOR_")):
            continue  # read by the schedule and the sensor themselves
        changed = Settings.from_env({name: values.get(name, "7")})
        assert changed != default, f"{name} is in docs/operations.md but the settings ignore it"


@pytest.mark.parametrize("name", ["run", "ingest", "transform", "gate", "publish", "generate", "template"])
def test_the_help_of_each_command_lists_its_options(name: str) -> None:
    done = command(name, "--help", env={})
    assert done.returncode == 0, done.stderr
    expected = {
        "run": ["--raw", "--db", "--published", "--cleaning-log", "--year", "--wait", "--force", "--sample-if-absent"],
        "ingest": ["--raw", "--db", "--year", "--wait"],
        "transform": ["--db", "--wait"],
        "gate": ["--db", "--year", "--wait"],
        "publish": ["--db", "--published", "--year", "--force", "--min-returns-share"],
        "generate": ["--raw", "--year", "--scale", "--seed"],
        "template": ["--year", "--out"],
    }[name]
    for option in expected:
        assert option in done.stdout, (name, option)
