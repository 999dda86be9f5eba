"""A respondent code is read against the municipal codes of the edition's reference date.

The 2023 municipal form, moved to 2016-08-01 (when 富谷 was still a town, 04423), stands in for an
edition of that date: the town's code is then the right one, and the city's code (04216, from
2016-10-10) is a code of another date that still identifies the municipality.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from warehouse.codebook import load
from warehouse.ingest.returns import _identity
from warehouse.wording import findings as wording

CB = load(2023, "municipality")
CODE_CELL = next(i.cell for i in CB.items if i.type == "code" and i.code_kind == "municipality")
PATH = Path("return.xlsx")


def _on(day: dt.date, code: str) -> tuple[dict, list]:
    return _identity(dataclasses.replace(CB, reference_date=day), {CODE_CELL: code}, PATH)


def test_the_code_of_the_date_is_accepted_without_a_finding() -> None:
    identity, issues = _on(dt.date(2016, 8, 1), "04423")
    assert (identity["identity_status"], identity["municipality_code"], issues) == ("ok", "04423", [])
    identity, issues = _on(dt.date(2017, 6, 1), "04216")
    assert (identity["identity_status"], identity["municipality_code"], issues) == ("ok", "04216", [])


def test_a_code_of_another_date_is_kept_and_reported_with_the_code_of_the_date() -> None:
    identity, issues = _on(dt.date(2016, 8, 1), "04216")
    assert (identity["identity_status"], identity["prefecture_code"], identity["municipality_code"]) == (
        "ok",
        "04",
        "04216",
    )
    assert [(code, cell) for code, cell, _, _ in issues] == [("code_not_valid_on_date", CODE_CELL)]
    [(code, cell, _, details)] = issues
    assert wording.ingest_message(code, None, cell, details) == (
        "F1の市区町村コード 04216（富谷市）は調査時点（2016年8月1日）のコードではありません。"
        "調査時点のコードは 04423（富谷町）です"
    ), "recorded as parameters and worded once, in Japanese, as the cleaning log says it"


def test_a_code_that_never_existed_is_still_unknown() -> None:
    identity, issues = _on(dt.date(2016, 8, 1), "99999")
    assert identity["identity_status"] == "unknown_code"
    assert [code for code, *_ in issues] == ["unknown_code"]
