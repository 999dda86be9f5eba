"""The codebook's rules applied to one respondent's answers, in Python.

This is the reference meaning of ``relevant``, ``required`` and ``constraints``: the sample
generator checks its clean answers with it, and the tests use it to tell whether an answer breaks a
rule; the quality gate compiles the same rules to Great Expectations for the whole year at once.

``answers`` hold what was read as an answer, as the staging model types it: the set of the options
read as ticked (an explicit no such as × and an unreadable mark are not ticks, so an item whose cells
hold only those is unanswered, 未回答 where it applies), and no value for a number that is not one by
the strict grammar or a formula without a cached value.  The ingest's notes report those cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from warehouse.codebook import expressions as ex
from warehouse.codebook.model import Codebook

OFF_PATH = "relevant"
REQUIRED = "required"


@dataclass(frozen=True)
class Violation:
    item_key: str
    rule: str  # OFF_PATH, REQUIRED, or a constraint id
    message: str


def _answered(value: Any) -> bool:
    return value is not None and value != "" and value != frozenset()


def violations(cb: Codebook, answers: Mapping[str, Any]) -> list[Violation]:
    """Every rule of ``cb`` that ``answers`` break.

    An answer given where its item is not relevant is reported once (off-path) and is treated as
    not given for the items that depend on it, exactly as downstream models treat it.
    """
    effective = dict(answers)
    found: list[Violation] = []
    for item in cb.items:
        value = effective.get(item.key)
        relevant = item.relevant is None or ex.evaluate(item.relevant, effective)
        if not relevant:
            if _answered(value):
                found.append(
                    Violation(item.key, OFF_PATH, f"{item.question} answered, but {item.relevant_source} is false")
                )
                effective.pop(item.key, None)
            continue
        if not _answered(value):
            if item.required:
                found.append(Violation(item.key, REQUIRED, f"{item.question} is required and was left blank"))
            continue
        for rule in item.constraints:
            if not ex.evaluate(rule.expr, effective, this=item.key):
                found.append(Violation(item.key, rule.id, f"{item.question}: {rule.message or rule.source}"))
    return found
