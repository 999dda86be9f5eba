"""Severity and tolerance of each rule, from the one reviewed file ``expectations/gate.yaml``."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from warehouse.yaml_files import read_yaml

EXPECTATIONS_DIR = Path(__file__).resolve().parents[2] / "expectations"
CONFIG = EXPECTATIONS_DIR / "gate.yaml"
SEVERITIES = ("hard", "soft")


@dataclass(frozen=True)
class Policy:
    family: str
    severity: str
    mostly: float
    why: str | None = None


@cache
def _config(path: Path = CONFIG) -> dict[str, Any]:
    config = read_yaml(path)
    for name, family in config["families"].items():
        if family["severity"] not in SEVERITIES or not 0 <= family["mostly"] <= 1:
            raise ValueError(f"{path.name}: family {name!r} needs severity hard|soft and 0 ≤ mostly ≤ 1")
    for pattern, rule in config.get("rules", {}).items():
        if not rule.get("why"):
            raise ValueError(f"{path.name}: the override {pattern!r} must say why")
    unnamed = set(config["families"]) - set(config["labels"]["families"])
    if unnamed or set(SEVERITIES) - set(config["labels"]["severities"]):
        raise ValueError(f"{path.name}: labels must name every severity and family (missing: {sorted(unnamed)})")
    return config


def severity_label(severity: str | None) -> str:
    """重大 / 軽微, as the readers of the cleaning log and the site are told (an unknown value as it is)."""
    return str(_config()["labels"]["severities"].get(severity or "", severity or "（空欄）"))


def family_label(family: str | None) -> str:
    """The family of a rule in words (未回答, 数値の範囲 …; an unknown one as it is)."""
    return str(_config()["labels"]["families"].get(family or "", family or "（空欄）"))


def family_of(rule: str) -> str:
    """The family of a codebook rule id (``relevant``, ``required`` or a constraint id)."""
    families = _config()["rule_families"]
    if rule not in families:
        raise KeyError(f"{CONFIG.name}: rule {rule!r} has no family in rule_families")
    return str(families[rule])


def policy(form: str, column: str, family: str) -> Policy:
    """Severity and tolerance of one check: its family's, unless a rule override matches.

    Overrides are keyed by the rule's name: ``<form>.<check column>`` for codebook rules,
    ``cross.<family>`` for the checks across respondents (``policy("cross", family, family)``).
    """
    config = _config()
    base = config["families"][family]
    chosen = {"severity": base["severity"], "mostly": base["mostly"], "why": None}
    for pattern, rule in config.get("rules", {}).items():
        if fnmatch.fnmatchcase(f"{form}.{column}", pattern):
            chosen.update({k: rule[k] for k in ("severity", "mostly", "why") if k in rule})
    return Policy(family, str(chosen["severity"]), float(chosen["mostly"]), chosen["why"])
