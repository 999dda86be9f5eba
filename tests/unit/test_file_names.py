"""A file name is read with the list of local governments in force on the edition's date and the 2023 list: a
municipality renamed or given a new code since is the same body under either name or code, so no prefecture is
asked about a file name that names the very municipality F1 names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from warehouse.ingest.file_names import indicated_prefecture, mismatches
from warehouse.reference.local_governments import load_on

EDITION_2017 = dt.date(2017, 8, 1)


@pytest.mark.parametrize(
    ("file_name", "code"),
    [
        ("282219_篠山市.xlsx", "28221"),  # renamed 丹波篠山市 on 2019-05-01, same code
        ("282219_丹波篠山市.xlsx", "28221"),  # its 2023 name on a 2017 return
        ("403059_那珂川町.xlsx", "40305"),  # 那珂川市 40231 since 2018-10-01
        ("402311_那珂川市.xlsx", "40305"),  # its later code and name
        ("福岡県那珂川町.xlsx", "40305"),  # a name two had (栃木県那珂川町 too), narrowed by its prefecture
    ],
)
def test_a_renamed_municipality_answers_to_either_name_and_code(file_name: str, code: str) -> None:
    government = load_on(EDITION_2017).municipalities[code]
    assert mismatches(Path(file_name), government, EDITION_2017) == []


def test_another_municipality_is_still_a_mismatch() -> None:
    nakagawa = load_on(EDITION_2017).municipalities["40305"]  # 福岡県那珂川町
    wrong = mismatches(Path("094111_那珂川町.xlsx"), nakagawa, EDITION_2017)  # 栃木県那珂川町's code
    assert [(m.text, [c.prefecture_name for c in m.candidates]) for m in wrong] == [("094111", ["栃木県"])]
    assert mismatches(Path("011002_札幌市.xlsx"), nakagawa, EDITION_2017)
    assert indicated_prefecture(Path("403059_那珂川町.xlsx"), EDITION_2017) == "40"
