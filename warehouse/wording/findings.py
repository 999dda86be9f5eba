"""Japanese wording of every finding that goes back to prefectures, generated from the codebook.

The cleaning log is read by prefecture and municipal staff, who know the questionnaire by its question
numbers and option labels, not by the rule syntax of the codebook.  So each rule expression is rendered
as a Japanese condition (「問2で「1.設置している」を選んだ」), and each rule kind, ingest note and
refusal reason has its sentence here, in one place, with the question number and label of its item.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from warehouse.codebook import expressions as ex
from warehouse.codebook.model import Codebook, Item, Rule

EXCEL_CELL_LIMIT = 32_767
"""The most characters an Excel cell holds; longer text is cut, and the cell says so."""

_OPS = {"<": "未満である", "<=": "以下である", ">": "を超える", ">=": "以上である"}
_NEGATED_OPS = {"=": "!=", "!=": "=", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}


def _number(value: int | float | str) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def option_label(item: Item, code: int | float | str) -> str:
    """「1.設置している」: the option as printed on the questionnaire."""
    try:
        return f"「{_number(code)}.{item.option(int(code)).label}」"
    except (KeyError, ValueError):
        return f"「{_number(code)}」"


def item_name(item: Item) -> str:
    """問2-1（協議会の委託）: the question number and the item's label, as the questionnaire shows them."""
    if item.label and item.label != item.question:
        return f"{item.question}（{item.label}）"
    return item.question or item.key


class Renderer:
    """Renders one codebook's rule expressions as Japanese conditions, ending so that 「場合」 may follow.

    ``this`` is the item a constraint belongs to (what ``.`` stands for).
    """

    def __init__(self, cb: Codebook) -> None:
        self.cb = cb
        numbers = Counter(item.question for item in cb.items)
        self.shared = {question for question, n in numbers.items() if n > 1}

    def _item(self, node: ex.Node, this: str | None) -> Item | None:
        if isinstance(node, ex.Ref):
            return self.cb.item(node.key)
        if isinstance(node, ex.Self) and this is not None:
            return self.cb.item(this)
        return None

    def _subject(self, node: ex.Node, this: str | None) -> str:
        item = self._item(node, this)
        if item is not None:
            if isinstance(node, ex.Self):
                return "この項目"
            return item_name(item) if item.question in self.shared else item.question
        if isinstance(node, ex.Literal):
            return _number(node.value)
        if isinstance(node, ex.Call) and node.name == "count_selected":
            return f"{self._subject(node.args[0], this)}で選んだ数"
        return self.condition(node, this)

    def condition(self, node: ex.Node, this: str | None = None, *, negate: bool = False) -> str:
        """The condition in Japanese; ``negate`` renders its opposite (De Morgan for and/or)."""
        if isinstance(node, ex.Not):
            return self.condition(node.item, this, negate=not negate)
        if isinstance(node, ex.And | ex.Or):
            joiner = "、かつ" if isinstance(node, ex.And) != negate else "、または"
            parts = [self._grouped(n, this, negate) for n in node.items]
            return joiner.join(parts)
        if isinstance(node, ex.Compare):
            return self._compare(node, this, negate)
        if isinstance(node, ex.In):
            return self._in(node, this, negate)
        if isinstance(node, ex.Call):
            return self._call(node, this, negate)
        raise ex.ExpressionError(f"{node!r} is not a condition")

    def _grouped(self, node: ex.Node, this: str | None, negate: bool) -> str:
        text = self.condition(node, this, negate=negate)
        inner = node.item if isinstance(node, ex.Not) else node
        nested = isinstance(inner, ex.And | ex.Or)
        return f"（{text}）" if nested else text

    def _compare(self, node: ex.Compare, this: str | None, negate: bool) -> str:
        op = _NEGATED_OPS[node.op] if negate else node.op
        item = self._item(node.left, this)
        if item is not None and item.type == "single" and isinstance(node.right, ex.Literal) and op in ("=", "!="):
            chosen = option_label(item, node.right.value)
            return f"{self._subject(node.left, this)}で{chosen}{'以外を' if op == '!=' else 'を'}選んだ"
        left, right = self._subject(node.left, this), self._subject(node.right, this)
        if op == "=":
            return f"{left}が{right}である"
        if op == "!=":
            return f"{left}が{right}でない"
        unit = item.unit if item is not None and isinstance(node.right, ex.Literal) and item.unit else ""
        return f"{left}が{right}{unit}{_OPS[op]}"

    def _in(self, node: ex.In, this: str | None, negate: bool) -> str:
        item = self._item(node.operand, this)
        subject = self._subject(node.operand, this)
        if item is not None and item.type in ("single", "multiple"):
            labels = "・".join(option_label(item, v.value) for v in node.values)
            if len(node.values) > 1 and not negate:
                labels = f"{labels}のいずれか"
            return f"{subject}で{labels}{'以外を' if negate else 'を'}選んだ"
        values = "・".join(_number(v.value) for v in node.values)
        return f"{subject}が{values}{'のいずれでもない' if negate else 'のいずれかである'}"

    def _call(self, node: ex.Call, this: str | None, negate: bool) -> str:
        args = node.args
        subject = self._subject(args[0], this)
        if node.name == "selected":
            item = self._item(args[0], this)
            code = args[1].value if isinstance(args[1], ex.Literal) else self._subject(args[1], this)
            chosen = option_label(item, code) if item is not None else f"「{code}」"
            return f"{subject}で{chosen}を{'選んでいない' if negate else '選んだ'}"
        if node.name == "answered":
            return f"{subject}が{'未回答である' if negate else '回答されている'}"
        if node.name == "regex":
            return f"{subject}が{'所定の形式でない' if negate else '所定の形式である'}"
        if node.name == "subset":
            other = self._subject(args[1], this)
            if negate:
                return f"{subject}で{other}にない選択肢を選んだ"
            return f"{subject}で選んだ選択肢が全て{other}でも選ばれている"
        if node.name == "count_selected":
            return f"{subject}で{'何も選んでいない' if negate else '1つ以上選んだ'}"
        raise ex.ExpressionError(f"unknown function {node.name}")


def skip_message(cb: Codebook, item: Item) -> str:
    """An answer where the questionnaire says to skip.

    e.g. 「問2で「1.設置している」以外を選んだ場合、問2-1（協議会の委託）は回答不要です」.
    """
    assert item.relevant is not None
    off_path = Renderer(cb).condition(item.relevant, negate=True)
    return f"{off_path}場合、{item_name(item)}は回答不要です"


def required_message(cb: Codebook, item: Item) -> str:
    """A blank where an answer is asked for."""
    if item.relevant is None:
        return f"{item_name(item)}は回答が必要です（未回答）"
    on_path = Renderer(cb).condition(item.relevant)
    return f"{on_path}場合、{item_name(item)}は回答が必要です（未回答）"


def constraint_message(cb: Codebook, item: Item, rule: Rule) -> str:
    """A broken constraint: the codebook's own message where it has one, else the rendered condition."""
    if rule.id == "range":
        return f"{item_name(item)}：{range_text(item)}で記入してください"
    if rule.message:
        return f"{item_name(item)}：{rule.message}"
    return f"{item_name(item)}：{Renderer(cb).condition(rule.expr, item.key)}必要があります"


def range_text(item: Item) -> str:
    unit = item.unit or ""
    low = f"{_number(item.minimum)}{unit}以上" if item.minimum is not None else ""
    high = f"{_number(item.maximum)}{unit}以下" if item.maximum is not None else ""
    return f"{low}{high}の{'整数' if item.integer else '数値'}"


#: The checks across returns, by family: what a prefecture is told.
CROSS_MESSAGES: dict[str, str] = {
    "duplicate_return": "同じ回答者（同じコード）について別々のファイルが提出されています。"
    "正しいファイルを確認し、誤って送ったファイルは取り下げてください",
    "identity": "F1のコードが都道府県・市区町村コードの一覧にありません。正しいコードを記入してください",
    "duplicate_coordinator": "同じ回答内容のコーディネーター調査票が別の市区町村でも提出されています",
    "coordinator_presence": "コーディネーターの配置の回答（都道府県調査票 問11、市町村調査票 問13）と、"
    "提出されたコーディネーター調査票の件数が合いません",
    "coverage": "調査票が提出されていません",
}


def presence_value(reported_present: bool, returns: int) -> str:
    """What the coordinator-presence finding quotes: the answer given against the returns received."""
    answer = "配置している" if reported_present else "配置していない"
    return f"「{answer}」と回答、コーディネーター調査票{returns}件"


#: What the ingest repaired or found in a cell (``raw.ingest_issues.issue``).
INGEST_MESSAGES: dict[str, str] = {
    "fullwidth": "全角の数字・英字を半角に直して読み取りました",
    "trimmed": "前後の空白を除いて読み取りました",
    "control_characters": "表示できない制御文字（NUL など）が含まれていたため、取り除いて読み取りました",
    "text_over_cell_limit": "Excelの1セルに入る文字数（32,767文字）を超える記入です。全文を保存しました",
    "boolean": "TRUE/FALSE の値を選択肢の番号として読み取りました",
    "date_value": "日付として入力された値を読み取りました。数値・文字で記入してください",
    "number_as_text": "文字として入力された数字を数値として読み取りました",
    "tick_mark": "チェック欄の記号（○・✓ など）を「選択」として読み取りました",
    "tick_no": "チェック欄の「×」「0」「いいえ」などを「選択していない」として読み取りました",
    "tick_unreadable": "チェック欄の記入内容を読み取れないため、回答として扱っていません。"
    "選択する場合は「1」を記入してください",
    "invalid_tick": "チェック欄の記入内容を読み取れないため、回答として扱っていません。"
    "選択する場合は「1」を記入してください",
    "code_with_label": "「番号.選択肢名」の形で記入された回答を番号として読み取りました",
    "not_an_option_code": "選択肢にない番号が記入されています。選択肢の番号で記入してください",
    "number_with_unit": "単位付きで記入された数値を数値として読み取りました",
    "not_a_number": "数値として読み取れません。半角の数字で記入してください",
    "code_zero_padded": "先頭の0が欠けたコードに0を補って読み取りました",
    "code_format": "コードの形式が正しくありません。半角数字で記入してください",
    "unknown_code": "コードが都道府県・市区町村コードの一覧にありません",
    "code_not_valid_on_date": "記入された市区町村コードは調査時点では使われていません。"
    "調査時点のコードを記入してください",
    "missing_code": "F1のコードが記入されていません",
    "format_xls": "Excel 97-2003形式（.xls）で提出されています。配布した様式（.xlsx）で提出してください",
    "format_xlsm": "マクロ有効ブック（.xlsm）で提出されています。配布した様式（.xlsx）で提出してください",
    "formula": "数式が入力されたセルです。数式の計算結果を回答として読み取りました",
    "formula_without_value": "数式の計算結果が保存されていないため、回答として読み取れません。値を直接記入してください",
    "file_name_mismatch": "ファイル名が示す市区町村と、F1に記入されたコードの市区町村が一致しません",
    "stray_cell": "回答欄の外に記入があります（読み取っていません）",
    "stray_cells": "回答欄の外に記入があります（読み取っていません）",
}

#: Why a file was refused (``raw.quarantine.reason_code``).
FILE_MESSAGES: dict[str, str] = {
    "empty_file": "ファイルが空（0バイト）のため読み取れません。再提出してください",
    "not_a_workbook": "Excelブックではないため読み取れません。配布した様式で提出してください",
    "password_protected": "パスワードが設定されているため読み取れません。パスワードを解除して再提出してください",
    "corrupt": "ファイルが壊れているため開けません。再提出してください",
    "sheet_missing": "調査票のシートが見つかりません。シート名を変えずに提出してください",
    "template_version": "配布した様式と異なる様式で提出されています。今年度の様式で提出してください",
    "unknown_form": "調査票の種類が分からない場所に置かれたファイルのため読み取っていません",
    "lock_file": "Excelが作業中に作る一時ファイルのため読み取っていません",
    "hidden_file": "隠しファイル（名前が「.」で始まる）のため読み取っていません",
    "symlink": "シンボリックリンクのため読み取っていません。ファイルそのものを置いてください",
    "unreadable_file": "ファイルを読み込めません（権限または読み取りエラー）。置き直してください",
    "changed_while_read": "取り込みの最中にファイルが書き換えられました。次回の取り込みで読み直します",
}


#: What the ingest records of a file named for someone else: the parameters of ``file_name_mismatch_message``.
FILE_NAME_MISMATCH_DETAILS = ("file_name", "mentions", "pointed", "question", "code", "who")


def ingest_message(code: str, item: Item | None, cell: str | None, details: Mapping[str, Any] | None = None) -> str:
    """One ingest note or finding in Japanese, with the question and the cell where there is one.

    ``details`` are the parameters the ingest recorded beside the code (``raw.ingest_issues.details``): a file
    named for someone else and a code of another date are said with them; a row recorded before they were kept
    gets the code's general sentence."""
    details = details or {}
    if code == "file_name_mismatch" and set(FILE_NAME_MISMATCH_DETAILS) <= set(details):
        return file_name_mismatch_message(**{k: str(details[k]) for k in FILE_NAME_MISMATCH_DETAILS})
    if code == "code_not_valid_on_date" and {"typed", "typed_name", "reference_date"} <= set(details):
        return code_not_valid_on_date_message(
            str(details["typed"]),
            str(details["typed_name"]),
            details.get("valid_code"),
            details.get("valid_name"),
            dt.date.fromisoformat(str(details["reference_date"])),
        )
    text = INGEST_MESSAGES.get(code, f"読み取り時の指摘（{code}）")
    where = [part for part in (item_name(item) if item else None, f"セル{cell}" if cell else None) if part]
    return f"{'・'.join(where)}：{text}" if where else text


def stray_cells_message(count: int, sample: Sequence[tuple[str, str]]) -> str:
    """One finding per file for every cell written outside the answer cells, with a count and a sample."""
    shown = "、".join(f"{cell}「{_clip(value, 20)}」" for cell, value in sample)
    more = f" ほか{count - len(sample):,}セル" if count > len(sample) else ""
    return f"回答欄の外に{count:,}セルの記入があります（読み取っていません）：{shown}{more}"


def file_name_mismatch_message(file_name: str, mentions: str, pointed: str, question: str, code: str, who: str) -> str:
    """The file is named for one body, the code cell holds another's: what the name says, whom it points to, the
    question and cell of the code, and whom the code names."""
    return (
        f"ファイル名「{file_name}」の{mentions}は{pointed}を指していますが、{question}の回答者コード {code} は{who}です"
    )


def code_not_valid_on_date_message(
    typed: str, typed_name: str, valid_code: str | None, valid_name: str | None, reference_date: dt.date
) -> str:
    """A code of another date (e.g. a town's code after it became a city): the code valid on the date is named."""
    then = f"{reference_date.year}年{reference_date.month}月{reference_date.day}日"
    valid = f"{valid_code}（{valid_name}）です" if valid_code else "ありません（当時この市区町村はありませんでした）"
    return (
        f"F1の市区町村コード {typed}（{typed_name}）は調査時点（{then}）のコードではありません。"
        f"調査時点のコードは {valid}"
    )


def file_message(code: str, *, earlier_counts: bool = False) -> str:
    """Why a file was refused; ``earlier_counts`` when an earlier version of it was read and is what counts."""
    message = FILE_MESSAGES.get(code, f"ファイルを受け付けられません（{code}）")
    return message + ("。集計には前に受け付けた版を使っています" if earlier_counts else "")


def with_value(message: str, family: str | None, value: str | None) -> str:
    """The finding's sentence with what was found, e.g. 「…は回答不要です（回答が入っています：1）」."""
    if not value:
        return message
    label = "回答が入っています" if family == "skip_logic" else "回答"
    return f"{message}（{label}：{_clip(value, 100)}）"


_FLOAT_INTEGER = re.compile(r"^(-?\d+)\.0$")


def typed_value(value: str | None, item_type: str | None = None) -> str | None:
    """What the respondent typed: a whole number read back as '1.0' is shown as '1' (text stays verbatim)."""
    if value is None or item_type in ("text",):
        return value
    return ", ".join(_FLOAT_INTEGER.sub(r"\1", part) for part in value.split(", "))


def ticked_value(item: Item, codes: Iterable[int]) -> str:
    """The options of a multiple-choice item read as ticked, by number and label (「1.設置している／3.…」)."""
    labels = {option.code: option.label for option in item.options}
    return "／".join(f"{int(code)}.{labels.get(int(code), '')}" for code in codes)


def cell_text(value: str) -> str:
    """Text as an Excel cell can hold it: longer than 32,767 characters, cut with a note saying so."""
    if len(value) <= EXCEL_CELL_LIMIT:
        return value
    note = f"…（{len(value):,}文字のうち先頭のみ表示。全文は提出ファイルを参照）"
    return value[: EXCEL_CELL_LIMIT - len(note)] + note


def _clip(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
