"""Every codebook lints clean, and the lint catches each kind of broken codebook."""

from pathlib import Path

import pytest
import yaml

from warehouse.codebook import editions, load, load_file
from warehouse.codebook.layout import dump, stamp
from warehouse.codebook.lint import lint
from warehouse.codebook.model import FIRST_FORMS, CodebookError

HEADER = {
    "edition": 2023,
    "edition_label": "令和5年度",
    "form": "municipality",
    "form_label": "市町村調査票",
    "title": "テスト",
    "reference_date": "2023-08-01",
    "template_version": "1",
    "sheet": "市町村調査票",
}


def _codebook(tmp_path: Path, items: list[dict]) -> Path:
    path = tmp_path / "municipality.yaml"
    path.write_text(dump(stamp({**HEADER, "items": items})), encoding="utf-8")
    return path


CODE = {"key": "f1_code", "question": "F1", "label": "コード", "type": "code", "code_kind": "municipality"}
PARENT = {
    "key": "q1",
    "question": "問1",
    "label": "親",
    "type": "single",
    "options": [[1, "yes", "はい"], [2, "no", "いいえ"]],
}
CHILD = {
    "key": "q1_1",
    "question": "問1-1",
    "label": "子",
    "type": "multiple",
    "relevant": "${q1} = 1",
    "options": [[1, "a", "A"], [9, "other", "その他（記述）"]],
}


@pytest.mark.parametrize("form", FIRST_FORMS)
def test_r5_codebook_exists_and_lints_clean(form: str) -> None:
    cb = load(2023, form)
    assert lint(cb) == []
    assert cb.reference_date.isoformat() == "2023-08-01"


def test_editions_listed() -> None:
    assert 2023 in editions()


def test_sound_codebook_has_no_problems(tmp_path: Path) -> None:
    other = {"key": "q1_1_other", "question": "問1-1", "label": "その他", "type": "text", "required": True}
    other["relevant"] = "selected(${q1_1}, 9)"
    assert lint(load_file(_codebook(tmp_path, [CODE, PARENT, CHILD, other]))) == []


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ({**CHILD, "relevant": "${q9} = 1"}, "unknown item ${q9}"),
        ({**CHILD, "relevant": "${q1} = 3"}, "q1 has no option 3"),
        ({**CHILD, "relevant": "${q1_2} = 1"}, "unknown item"),
        ({**CHILD, "constraints": [{"id": "x", "expr": "selected(., 4)"}]}, "q1_1 has no option 4"),
        ({**CHILD, "constraints": [{"id": "x", "expr": "count_selected(${q1}) > 1"}]}, None),
        ({**CHILD, "options": [[1, "a", "A"], [1, "b", "B"]]}, "duplicate option code"),
        ({**CHILD, "options": [[1, "a", "A"], [2, "a", "B"]]}, "duplicate option key"),
        ({**CHILD, "key": "q1"}, "duplicate key"),
        ({**CHILD, "tags": {"scenario": "weather"}}, "unknown scenario"),
        ({**CHILD, "relevant": "${q1_1} = 1"}, "does not come before"),
        ({**CHILD, "relevant": ". = 1"}, "'.' cannot be used in relevant"),
        ({**CHILD, "type": "number", "options": None}, None),
    ],
)
def test_lint_catches(tmp_path: Path, broken: dict, message: str | None) -> None:
    problems = lint(load_file(_codebook(tmp_path, [CODE, PARENT, {k: v for k, v in broken.items() if v is not None}])))
    if message is None:
        assert problems == []  # the control cases: valid variations stay clean
    else:
        assert any(message in p for p in problems), problems


def test_lint_catches_a_moved_cell(tmp_path: Path) -> None:
    path = _codebook(tmp_path, [CODE, PARENT, CHILD])
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["items"][1]["cell"] = "C99"
    path.write_text(dump(doc), encoding="utf-8")
    assert any("differ from the layout" in p for p in lint(load_file(path)))


def test_unparseable_rule_names_file_and_item(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match=r"municipality.yaml: q1_1: .*expected an operand"):
        load_file(_codebook(tmp_path, [CODE, PARENT, {**CHILD, "relevant": "${q1} ="}]))


def test_text_items_must_say_whether_required(tmp_path: Path) -> None:
    text = {"key": "q2", "question": "問2", "label": "自由記載", "type": "text"}
    with pytest.raises(CodebookError, match="must say required"):
        load_file(_codebook(tmp_path, [CODE, text]))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"plausible_max": 100, "plausible_why": "公表値の最大区分"}, None),
        ({"plausible_max": 100}, "plausible_max needs plausible_why"),
        ({"plausible_max": 5, "plausible_why": "x", "max": 5}, "plausible_max must be below max"),
    ],
)
def test_lint_checks_plausible_max(tmp_path: Path, extra: dict, message: str | None) -> None:
    number = {"key": "q2", "question": "問2", "label": "人数", "type": "number", "unit": "人", "min": 0, **extra}
    cb = load_file(_codebook(tmp_path, [CODE, number]))
    problems = lint(cb)
    if message is None:
        assert problems == []
        rule = next(r for r in cb.item("q2").constraints if r.id == "plausible")
        assert (rule.source, "100人" in rule.message) == (". <= 100", True)
    else:
        assert any(message in p for p in problems), problems
