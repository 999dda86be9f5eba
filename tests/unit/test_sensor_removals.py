"""The raw_files sensor treats a removed workbook as a change of its year, as it does a new one."""

from __future__ import annotations

from orchestration.sensors import REMOVED, changes, run_key

NOW = 1_000_000.0
SETTLE = 30.0


def test_a_removed_file_asks_for_a_run_of_its_year_once() -> None:
    previous = {"2023/municipality/a.xlsx": [10.0, 1.0], "2023/municipality/b.xlsx": [20.0, 2.0]}
    tree = {"2023": {"2023/municipality/a.xlsx": [10.0, 1.0]}}
    changed, cursor = changes(previous, tree, NOW, SETTLE)
    assert changed == {"2023": ["2023/municipality/b.xlsx"]}
    assert cursor == {"2023/municipality/a.xlsx": [10.0, 1.0], "2023/municipality/b.xlsx": [REMOVED, NOW]}

    again, same = changes(cursor, tree, NOW + 60, SETTLE)
    assert again == {} and same == cursor, "a removal triggers once; its tombstone stays"


def test_a_file_that_comes_back_is_a_change_with_a_run_key_of_its_own() -> None:
    entry = [10.0, 1.0]
    path = "2023/municipality/a.xlsx"
    added, first = changes({}, {"2023": {path: entry}}, NOW, SETTLE)
    removed, gone = changes(first, {"2023": {}}, NOW + 60, SETTLE)
    back, returned = changes(gone, {"2023": {path: entry}}, NOW + 120, SETTLE)
    assert added == removed == back == {"2023": [path]}
    assert returned == first
    keys = {
        run_key("2023", added["2023"], first, {}),
        run_key("2023", removed["2023"], gone, first),
        run_key("2023", back["2023"], returned, gone),
    }
    assert len(keys) == 3, "adding, removing and bringing a file back are three runs"


def test_removals_are_per_year() -> None:
    previous = {"2023/prefecture/p.xlsx": [1.0, 1.0], "2024/prefecture/q.xlsx": [1.0, 1.0]}
    changed, cursor = changes(previous, {"2023": {}, "2024": {"2024/prefecture/q.xlsx": [1.0, 1.0]}}, NOW, SETTLE)
    assert changed == {"2023": ["2023/prefecture/p.xlsx"]}
    assert cursor["2024/prefecture/q.xlsx"] == [1.0, 1.0]
