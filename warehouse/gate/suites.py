"""The Great Expectations suites of the gate, generated from the codebooks into ``expectations/``.

One suite per edition and form checks the per-respondent rule table (``int_<form>__rule_checks``:
one boolean column per rule); one suite per edition checks across respondents. The files are
written by ``python -m warehouse.gate.suites`` and reviewed like code; a test fails when they
differ from what the codebooks and ``gate.yaml`` give, so they can never be edited by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from warehouse.codebook import editions, load_edition
from warehouse.codebook.sql import Compiler
from warehouse.gate.config import EXPECTATIONS_DIR, family_of, policy
from warehouse.wording.findings import CROSS_MESSAGES

#: Checks across respondents: frame → (column, expectation type, family); each is the rule
#: ``cross.<family>``, with its Japanese message from the codebook wording.
CROSS_RESPONDENT: dict[str, tuple[str, str, str]] = {
    # one current return per prefecture and municipality (two different files carry the same code)
    "returns": ("respondent_key", "expect_column_values_to_be_unique", "duplicate_return"),
    # the code typed in F1 is a prefecture or municipality of the reference list
    "identity": ("code_is_known", "expect_column_values_to_be_in_set", "identity"),
    # a coordinator's answers appear once (not returned again under another municipality)
    "coordinators": ("answers_fingerprint", "expect_column_values_to_be_unique", "duplicate_coordinator"),
    # coordinators reported present (prefecture 問11, municipal 問13) agree with the coordinator returns
    "coordinator_presence": ("presence_agrees", "expect_column_values_to_be_in_set", "coordinator_presence"),
    # every prefecture and municipality of the reference list has a current return
    "coverage": ("has_returned", "expect_column_values_to_be_in_set", "coverage"),
}


def rule_name(form: str, column: str) -> str:
    """A codebook rule's name everywhere (gate.yaml, findings, workbooks, checks, alerts)."""
    return f"{form}.{column}"


def cross_rule_name(family: str) -> str:
    return f"cross.{family}"


def _expectation(kind: str, column: str, mostly: float, meta: dict[str, Any]) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"column": column, "mostly": mostly}
    if kind == "expect_column_values_to_be_in_set":
        kwargs["value_set"] = [True]
    return {"type": kind, "kwargs": kwargs, "meta": meta}


def form_suite(edition: int, form: str) -> dict[str, Any]:
    """Every rule of one form's codebook as an expectation on its boolean check column."""
    cb = load_edition(edition)[form]
    expectations = []
    for check in Compiler(cb).checks():
        family = family_of(check.rule)
        rule = policy(form, check.column, family)
        item = cb.item(check.item_key)
        meta = {
            "item_key": check.item_key,
            "question": item.question,
            "rule": rule_name(form, check.column),
            "family": family,
            "severity": rule.severity,
            "message": check.message,
        }
        if rule.why:
            meta["why"] = rule.why
        expectations.append(_expectation("expect_column_values_to_be_in_set", check.column, rule.mostly, meta))
    return {
        "name": f"{edition}_{form}",
        "expectations": expectations,
        "meta": {"edition": edition, "form": form, "frame": f"intermediate.int_{form}__rule_checks"},
    }


def cross_suite(edition: int) -> dict[str, Any]:
    """The checks no single return can show, one expectation per frame."""
    expectations = []
    for frame, (column, kind, family) in CROSS_RESPONDENT.items():
        name = cross_rule_name(family)
        rule = policy("cross", family, family)
        message = CROSS_MESSAGES[family]
        meta = {"frame": frame, "rule": name, "family": family, "severity": rule.severity, "message": message}
        expectations.append(_expectation(kind, column, rule.mostly, meta))
    return {"name": f"{edition}_cross_respondent", "expectations": expectations, "meta": {"edition": edition}}


def suites(edition: int) -> dict[str, dict[str, Any]]:
    """File name → suite, for one edition."""
    out = {f"{form}.json": form_suite(edition, form) for form in load_edition(edition)}
    out["cross_respondent.json"] = cross_suite(edition)
    return out


def render(suite: dict[str, Any]) -> str:
    return json.dumps(suite, ensure_ascii=False, indent=2) + "\n"


def stale(root: Path = EXPECTATIONS_DIR) -> list[Path]:
    """Suite files that are missing or differ from what the codebooks give."""
    out = []
    for edition in editions():
        for name, suite in suites(edition).items():
            path = root / str(edition) / name
            if not path.exists() or path.read_text(encoding="utf-8") != render(suite):
                out.append(path)
    return out


def write(root: Path = EXPECTATIONS_DIR) -> list[Path]:
    written = []
    for edition in editions():
        for name, suite in suites(edition).items():
            path = root / str(edition) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render(suite), encoding="utf-8")
            written.append(path)
    return written


def load(edition: int, name: str, root: Path = EXPECTATIONS_DIR) -> dict[str, Any]:
    return json.loads((root / str(edition) / name).read_text(encoding="utf-8"))


if __name__ == "__main__":
    for path in write():
        print(path.relative_to(EXPECTATIONS_DIR.parent), file=sys.stdout)
