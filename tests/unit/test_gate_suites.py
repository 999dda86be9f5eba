"""The GX suites in expectations/ are what the codebooks and gate.yaml give, and stay so."""

from __future__ import annotations

from pathlib import Path

import pytest

from warehouse.codebook import load_edition
from warehouse.codebook.sql import Compiler
from warehouse.gate import config, suites


def test_committed_suites_are_up_to_date() -> None:
    stale = suites.stale()
    assert stale == [], f"run `python -m warehouse.gate.suites` to regenerate: {stale}"


def test_a_changed_suite_file_is_caught(tmp_path: Path) -> None:
    suites.write(tmp_path)
    assert suites.stale(tmp_path) == []
    path = tmp_path / "2023" / "municipality.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"mostly": 0.98', '"mostly": 0.5', 1), encoding="utf-8")
    assert suites.stale(tmp_path) == [path]


@pytest.mark.parametrize("form", ["prefecture", "municipality", "coordinator"])
def test_every_rule_of_the_codebook_has_its_expectation(form: str) -> None:
    cb = load_edition(2023)[form]
    columns = [e["kwargs"]["column"] for e in suites.form_suite(2023, form)["expectations"]]
    assert columns == [c.column for c in Compiler(cb).checks()]
    conditional = {i.key for i in cb.items if i.relevant is not None}
    required = {i.key for i in cb.items if i.required}
    constraints = {(i.key, r.id) for i in cb.items for r in i.constraints}
    assert {c.removesuffix("__relevant") for c in columns if c.endswith("__relevant")} == conditional
    assert {c.removesuffix("__required") for c in columns if c.endswith("__required")} == required
    assert {tuple(c.rsplit("__", 1)) for c in columns if not c.endswith(("__relevant", "__required"))} == constraints


def test_overrides_apply_and_must_say_why(tmp_path: Path) -> None:
    head_count = config.policy("municipality", "q13_1_part_time_count__required", "required")
    assert (head_count.mostly, head_count.severity) == (0.0, "soft") and head_count.why
    assert config.policy("coordinator", "q1_1_days_per_week__range", "number_range").severity == "hard"
    bad = tmp_path / "gate.yaml"
    bad.write_text(
        "families: {required: {severity: soft, mostly: 0.9}}\nrule_families: {}\n"
        "rules: {'municipality.x__required': {mostly: 0.1}}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="must say why"):
        config._config(bad)
