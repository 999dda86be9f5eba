"""Every codebook lints clean, and the lint catches each kind of broken codebook."""

from pathlib import Path

import pytest
import yaml

from warehouse.codebook import editions, load, load_file
from warehouse.codebook.layout import dump, stamp
from warehouse.codebook.lint import lint
from warehouse.codebook.model import CORE_FORMS, FORMS, CodebookError, codebook_paths

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


@pytest.mark.parametrize("form", CORE_FORMS)
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


@pytest.mark.parametrize("path", codebook_paths(), ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_every_codebook_lints_clean_and_is_in_canonical_form(path: Path) -> None:
    assert lint(load_file(path)) == []
    assert dump(stamp(yaml.safe_load(path.read_text(encoding="utf-8")))) == path.read_text(encoding="utf-8")


def test_forms_come_from_the_files_with_the_2023_forms_first() -> None:
    assert FORMS[:3] == CORE_FORMS
    assert "tokyo_municipality" in FORMS


def test_an_empty_reference_date_must_say_why(tmp_path: Path) -> None:
    path = tmp_path / "municipality.yaml"
    path.write_text(dump(stamp({**HEADER, "reference_date": None, "items": [CODE]})), encoding="utf-8")
    with pytest.raises(CodebookError, match="reference_date_note"):
        load_file(path)
    path.write_text(
        dump(stamp({**HEADER, "reference_date": None, "reference_date_note": "not printed", "items": [CODE]})),
        encoding="utf-8",
    )
    cb = load_file(path)
    assert cb.reference_date is None and cb.reference_date_note == "not printed"
    with pytest.raises(CodebookError, match="codes_as_of"):
        _ = cb.code_date


@pytest.mark.parametrize(
    ("edition", "roles"), [(2015, {"status"}), (2016, {"status"}), (2017, {"status", "outsourced", "contractor"})]
)
def test_legacy_items_are_keyed_by_program_item_code(edition: int, roles: set[str]) -> None:
    cb = load(edition, "municipality")
    per_item = [i for i in cb.items if i.tags.get("fact") == "program_item"]
    assert {i.tags["role"] for i in per_item} == roles
    for role in roles:
        codes = [i.tags["program_item"] for i in per_item if i.tags["role"] == role]
        assert codes == list("abcdefgh")
        assert all(i.key == f"{i.tags['program_item']}_{role}" for i in per_item if i.tags["role"] == role)
    assert all(i.evidence for i in cb.items)
    planned = cb.item("a_status").option(2).label
    assert planned == ("H29・30年度内に実施予定" if edition == 2017 else "年度内に実施予定")


def test_tokyo_any_of_parents_open_their_activities() -> None:
    for edition, care in ((2015, False), (2016, True)):
        cb = load(edition, "tokyo_municipality")
        parents = {i.key for i in cb.items if i.tags.get("any_of") == "true"}
        assert parents == {"f_training_any", "g_outreach_any"}
        assert ("f_care" in {i.key for i in cb.items}) is care
        children = [i for i in cb.items if i.relevant_source and i.relevant_source.split("}")[0][2:] in parents]
        assert {i.tags["program_item"] for i in children} == {"f", "g"}
