"""The Japanese wording of findings: each form of the rule language rendered with real codebook items."""

from __future__ import annotations

import re

import pytest

from warehouse.codebook import expressions as ex
from warehouse.codebook import load, load_edition
from warehouse.codebook.sql import Compiler
from warehouse.wording import findings as wording

BOOKS = load_edition(2023)
MUNICIPALITY, COORDINATOR = BOOKS["municipality"], BOOKS["coordinator"]

#: What must never reach a prefecture: the rule language and the English of the old messages.
RULE_SYNTAX = re.compile(
    r"\$\{|selected\(|answered\(|regex\(|subset\(|count_selected|\band\b|\bor\b|\bnot\b|"
    r"is answered only when|must be answered|[a-z]+_[a-z_]+"
)


def _condition(form: str, source: str, this: str | None = None, *, negate: bool = False) -> str:
    return wording.Renderer(BOOKS[form]).condition(ex.parse(source), this, negate=negate)


def test_a_broken_skip_rule_names_question_option_and_the_value_found() -> None:
    item = MUNICIPALITY.item("q2_1_council_entrusted")
    message = wording.skip_message(MUNICIPALITY, item)
    assert message == "問2で「1.設置している」以外を選んだ場合、問2-1（協議会の委託）は回答不要です"
    assert wording.with_value(message, "skip_logic", "1") == message + "（回答が入っています：1）"


@pytest.mark.parametrize(
    ("form", "source", "this", "positive", "negative"),
    [
        (  # Compare on a single-choice item: the option's label
            "municipality",
            "${q2_council} = 1",
            None,
            "問2で「1.設置している」を選んだ",
            "問2で「1.設置している」以外を選んだ",
        ),
        (  # Compare on a number, with the item's unit; '.' is the item the rule belongs to
            "coordinator",
            ". <= 7",
            "q1_1_days_per_week",
            "この項目が7日以下である",
            "この項目が7日を超える",
        ),
        (  # In: the options' labels
            "municipality",
            "${q14_base_linkage} in (1, 2)",
            None,
            "問14で「1.全て連携している」・「2.一部について連携している」のいずれかを選んだ",
            "問14で「1.全て連携している」・「2.一部について連携している」以外を選んだ",
        ),
        (  # selected() on a multiple-choice item
            "municipality",
            "selected(${q2_3_council_topics}, 12)",
            None,
            "問2-3（協議会での検討事項）で「12.その他（記述）」を選んだ",
            "問2-3（協議会での検討事項）で「12.その他（記述）」を選んでいない",
        ),
        (  # answered()
            "coordinator",
            "answered(${f1_1_municipality_code})",
            None,
            "F1-1が回答されている",
            "F1-1が未回答である",
        ),
        (  # count_selected() compared
            "municipality",
            "count_selected(.) <= 3",
            "q11_2_support_expected",
            "この項目で選んだ数が3以下である",
            "この項目で選んだ数が3を超える",
        ),
        (  # regex()
            "municipality",
            "regex(., '^[0-9]{5}$')",
            "f1_municipality_code",
            "この項目が所定の形式である",
            "この項目が所定の形式でない",
        ),
        (  # subset()
            "municipality",
            "subset(., ${q11_1_1_challenges})",
            "q11_1_2_top_priority_challenge",
            "この項目で選んだ選択肢が全て問11-1-1（課題だと感じている事項）でも選ばれている",
            "この項目で問11-1-1（課題だと感じている事項）にない選択肢を選んだ",
        ),
        (  # items sharing a question number are told apart by their label
            "coordinator",
            "${q4_experience_years} > 0",
            None,
            "問4（コーディネーターとしての経験年数：年）が0年を超える",
            "問4（コーディネーターとしての経験年数：年）が0年以下である",
        ),
    ],
)
def test_each_form_of_the_rule_language(form: str, source: str, this: str | None, positive: str, negative: str) -> None:
    assert _condition(form, source, this) == positive
    assert _condition(form, source, this, negate=True) == negative
    assert _condition(form, f"not ({source})", this) == negative  # Not


def test_and_or_not_nest_in_brackets_and_negate_by_de_morgan() -> None:
    source = ". != 3 or not (${q4_1_daily_care_vision} = 1 or ${q5_1_admission_discharge_vision} = 1)"
    this = "q3_vision_four_scenes"
    assert _condition("municipality", source, this) == (
        "この項目で「3.４つの場面全てにおいて設定していない」以外を選んだ、または"
        "（問4-1で「1.設定している」以外を選んだ、かつ問5-1で「1.設定している」以外を選んだ）"
    )
    assert _condition("municipality", source, this, negate=True) == (
        "この項目で「3.４つの場面全てにおいて設定していない」を選んだ、かつ"
        "（問4-1で「1.設定している」を選んだ、または問5-1で「1.設定している」を選んだ）"
    )


def test_required_range_and_constraint_messages() -> None:
    days = COORDINATOR.item("q1_1_days_per_week")
    assert wording.required_message(COORDINATOR, days) == (
        "問1で「3.非常勤」を選んだ場合、問1-1（勤務時間：１週あたりの出勤日数）は回答が必要です（未回答）"
    )
    (range_rule,) = [r for r in days.constraints if r.id == "range"]
    assert wording.constraint_message(COORDINATOR, days, range_rule) == (
        "問1-1（勤務時間：１週あたりの出勤日数）：0日以上7日以下の整数で記入してください"
    )
    top = MUNICIPALITY.item("q11_1_2_top_priority_challenge")
    (within,) = [r for r in top.constraints if r.id == "within_ticked"]
    assert wording.constraint_message(MUNICIPALITY, top, within) == (
        "問11-1-2（課題解消の優先順位が最も高い事項）：問11-1-1で選択した事項の中から選択してください"
    )
    bare = type(within)("some_rule", "count_selected(.) <= 1", ex.parse("count_selected(.) <= 1"), "")
    assert wording.constraint_message(MUNICIPALITY, top, bare) == (
        "問11-1-2（課題解消の優先順位が最も高い事項）：この項目で選んだ数が1以下である必要があります"
    )


def test_an_implausible_count_names_the_limit() -> None:
    count = MUNICIPALITY.item("q13_1_part_time_count")
    (rule,) = [r for r in count.constraints if r.id == "plausible"]
    limit = f"{count.plausible_max:g}人"
    assert wording.constraint_message(MUNICIPALITY, count, rule) == (
        f"問13-1（コーディネーターの人数：非常勤）：{limit}を超える回答は通常ありません。誤記でないかご確認ください"
    )


@pytest.mark.parametrize("form", sorted(BOOKS))
def test_no_message_of_any_codebook_rule_shows_rule_syntax(form: str) -> None:
    for check in Compiler(BOOKS[form]).checks():
        assert not RULE_SYNTAX.search(check.message), (check.column, check.message)
        assert check.message.startswith(("問", "F")), check.message


#: The codes the ingest writes (issues on cells, reasons for refused files): each has its Japanese sentence.
INGEST_CODES = [
    "fullwidth",
    "trimmed",
    "boolean",
    "date_value",
    "number_as_text",
    "tick_mark",
    "code_with_label",
    "not_an_option_code",
    "number_with_unit",
    "not_a_number",
    "code_zero_padded",
    "code_format",
    "unknown_code",
    "missing_code",
    "format_xls",
    "format_xlsm",
    "stray_cell",
    "tick_no",
    "tick_unreadable",
    "formula",
    "formula_without_value",
    "file_name_mismatch",
    "stray_cells",
]
REASON_CODES = [
    "empty_file",
    "not_a_workbook",
    "password_protected",
    "corrupt",
    "sheet_missing",
    "template_version",
    "unknown_form",
    "lock_file",
    "hidden_file",
    "symlink",
    "unreadable_file",
]


def test_every_ingest_and_refusal_code_has_a_japanese_sentence() -> None:
    assert set(INGEST_CODES) <= set(wording.INGEST_MESSAGES)
    assert set(REASON_CODES) <= set(wording.FILE_MESSAGES)
    for text in [*wording.INGEST_MESSAGES.values(), *wording.FILE_MESSAGES.values(), *wording.CROSS_MESSAGES.values()]:
        assert not RULE_SYNTAX.search(text), text
    item = MUNICIPALITY.item("q13_1_part_time_count")
    assert wording.ingest_message("not_a_number", item, "C120") == (
        "問13-1（コーディネーターの人数：非常勤）・セルC120：数値として読み取れません。半角の数字で記入してください"
    )


def test_a_file_named_for_another_municipality_names_both() -> None:
    said = wording.file_name_mismatch_message(
        "011002_札幌市.xlsx",
        "「011002」「札幌市」",
        "北海道札幌市（011002）",
        "F1（C5）",
        "01202",
        "北海道函館市（012025）",
    )
    assert said == (
        "ファイル名「011002_札幌市.xlsx」の「011002」「札幌市」は北海道札幌市（011002）を指していますが、"
        "F1（C5）の回答者コード 01202 は北海道函館市（012025）です"
    )


def test_an_issue_is_worded_from_its_recorded_parameters_and_an_older_one_generally() -> None:
    said = ("a.xlsx", "「札幌市」", "北海道札幌市（011002）", "F1（C5）", "01202", "北海道函館市（012025）")
    details = dict(zip(wording.FILE_NAME_MISMATCH_DETAILS, said, strict=True))
    assert wording.ingest_message("file_name_mismatch", None, "C5", details) == wording.file_name_mismatch_message(
        *details.values()
    )
    outdated = {"typed": "04216", "typed_name": "富谷市", "valid_code": None, "valid_name": None,
                "reference_date": "2016-08-01"}  # fmt: skip
    assert wording.ingest_message("code_not_valid_on_date", None, "C5", outdated).endswith(
        "調査時点のコードは ありません（当時この市区町村はありませんでした）"
    )
    item = MUNICIPALITY.item("q13_1_part_time_count")
    older = {"message": "Sheet!C120: not_a_number 'x' → None"}  # what a working file held before parameters
    assert wording.ingest_message("not_a_number", item, "C120", older) == wording.ingest_message(
        "not_a_number", item, "C120"
    )
    assert wording.ingest_message("file_name_mismatch", None, "C5", older) == (
        "セルC5：" + wording.INGEST_MESSAGES["file_name_mismatch"]
    )


def test_stray_cells_are_one_sentence_with_count_and_sample() -> None:
    text = wording.stray_cells_message(200_000, [("Z1", "メモ"), ("Z2", "x" * 50)])
    assert text.startswith("回答欄の外に200,000セルの記入があります（読み取っていません）：Z1「メモ」、Z2「")
    assert text.endswith("ほか199,998セル")


def test_values_are_shown_as_typed_and_long_text_says_it_was_cut() -> None:
    assert wording.typed_value("1.0", "single") == "1"
    assert wording.typed_value("1.0, 3.0", "multiple") == "1, 3"
    assert wording.typed_value("4.5", "number") == "4.5"
    assert wording.typed_value("1.0", "text") == "1.0"  # free text stays verbatim
    assert wording.cell_text("短い") == "短い"
    cut = wording.cell_text("a" * 40_000)
    assert len(cut) == wording.EXCEL_CELL_LIMIT and "40,000文字" in cut


def test_a_multiple_choice_answer_is_quoted_by_its_ticked_options() -> None:
    item = load(2023, "municipality").item("q2_3_council_topics")
    assert wording.ticked_value(item, [1, 3]) == (
        "1.医療・介護の資源確保や活用／3.課題解決に係る事業の企画立案や運営検討"
    )
