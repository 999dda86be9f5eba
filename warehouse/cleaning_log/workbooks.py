"""The cleaning log as workbooks: one per prefecture for 疑義照会, and a national summary.

The gate records every broken rule in ``gate.findings``.  Prefectures follow their findings up with the
municipalities and coordinators who answered, and corrections come back as resubmitted returns (nobody
edits the warehouse by hand).  So each prefecture gets only its own findings of the run being exported,
in Japanese, sorted the way it works through them: by municipality, respondent and question.

Files are written with xlsxwriter (a national year can carry tens of thousands of findings) into a
staging folder, and the year's folder ``<cleaning_log>/<year>`` is a symbolic link switched to it in one
atomic rename once all of them are written.  A crash at any point leaves either the previous set or the
new one, never a mix; the next export removes what a crashed one left (staging folders, the link being
made), and a prefecture whose findings are all cleared keeps no stale workbook.  The workbooks are
dated by the gate run they list (作成日時), so two exports of one run have the same content.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

import duckdb
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from warehouse.codebook.model import editions, load_edition
from warehouse.gate.config import SEVERITIES, family_label, severity_label
from warehouse.gate.store import FINDINGS_COLUMNS, FINDINGS_DDL, latest_gate_runs, run_time
from warehouse.paths import japanese_fiscal_year
from warehouse.pipeline.workers import process_pool
from warehouse.reference.local_governments import load as load_local_governments
from warehouse.wording.findings import cell_text

__all__ = [
    "FINDINGS_COLUMNS",
    "FINDINGS_DDL",
    "export_by_prefecture",
    "national_workbook_name",
    "prefecture_workbook_name",
    "remove_leftovers",
    "workbooks_with",
    "year_folder",
]


@functools.cache
def form_labels() -> dict[str, str]:
    """Each form's Japanese name, from its codebooks (one label per form across editions); read when first
    needed, not when the module is imported, through the codebooks' shared cache."""
    return {cb.form: cb.form_label for edition in editions() for cb in load_edition(edition).values()}


LIST_SHEET = "指摘一覧"
SUMMARY_SHEET = "概要"
NATIONAL_SHEETS = ("都道府県別", "ルール別", "実行情報")

# Heading of each column of 指摘一覧, with the widest it may be drawn (Excel character units).
LIST_COLUMNS: tuple[tuple[str, int], ...] = (
    ("回答者区分", 24),
    ("都道府県", 10),
    ("市区町村コード", 14),
    ("市区町村名", 20),
    ("回答者コード", 16),
    ("回答者", 30),
    ("設問", 12),
    ("項目", 28),
    ("ルール", 24),
    ("ルール分類", 18),
    ("内容", 70),
    ("回答値", 30),
    ("重要度", 8),
    ("ファイル", 50),
    ("シート", 22),
    ("セル", 8),
    ("初回検出日時", 20),
)
LIST_HEADINGS = tuple(heading for heading, _ in LIST_COLUMNS)

UNKNOWN_PREFECTURE = ("00", "都道府県不明")
"""Where findings without a prefecture go (e.g. an unknown respondent code), so none is dropped silently."""

_DATETIME = "yyyy-mm-dd hh:mm:ss"
_WORKBOOK_OPTIONS = {
    # Answers are the respondents' own text: never turn '=…' into a formula or 'http…' into a link.
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "default_date_format": _DATETIME,
    # A prefecture's workbook is a few MB at most; building it in memory skips a temporary file per part.
    "in_memory": True,
}
_NOTES = (
    "重大: 公表を止める指摘です。回答者に確認のうえ、修正した調査票を再提出してもらってください。",
    "軽微: 記録され、注記付きで公表される指摘です。確認のうえ、必要なら修正した調査票を再提出してください。",
    f"指摘の一件ごとの内容は「{LIST_SHEET}」シートにあります（市区町村・回答者・設問の順）。",
)
_SAMPLE_ROWS = 500  # rows looked at to size the columns; the widths are capped anyway
_MAX_WORKERS = 8
_POOL_THRESHOLD = 5000  # below this, one process writes faster than starting others


class Finding(NamedTuple):
    """One row of ``gate.findings`` as the export reads it."""

    form: str | None
    respondent_key: str | None
    respondent_code: str | None
    respondent_name: str | None
    prefecture_code: str | None
    prefecture_name: str | None
    municipality_code: str | None
    municipality_name: str | None
    question: str | None
    item_key: str | None
    rule: str | None
    rule_family: str | None
    message: str | None
    value_found: str | None
    severity: str | None
    file_path: str | None
    sheet: str | None
    cell: str | None
    first_detected_at: datetime | None


_SELECT = f"select {', '.join(Finding._fields)} from gate.findings where fiscal_year = ?"


def prefecture_workbook_name(fiscal_year: int, prefecture_code: str, prefecture_name: str) -> str:
    """``<fiscal_year>_<code>_<name>_疑義照会.xlsx``: the code first, so files list in the ministry's order."""
    return f"{fiscal_year}_{prefecture_code}_{_safe(prefecture_name)}_疑義照会.xlsx"


def national_workbook_name(fiscal_year: int) -> str:
    """``<fiscal_year>_全国_概要.xlsx``: the ministry's view, every prefecture's counts side by side."""
    return f"{fiscal_year}_全国_概要.xlsx"


def export_by_prefecture(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    run_id: str,
    fiscal_year: int,
    *,
    workers: int | None = None,
    raw_root: Path | None = None,
) -> list[Path]:
    """Write one 疑義照会 workbook per prefecture with current findings, and the national summary.

    Files are named relative to ``raw_root`` (``2023/municipality/…xlsx``), in their column and in the messages:
    the workbooks go to the prefectures, for whom the server's folders mean nothing.

    ``run_id`` is the year's latest gate run (its findings are the year's current ones in ``gate.findings``);
    the workbooks carry its id and its time as 作成日時.  They go into ``out_dir/<fiscal_year>/``, which is
    replaced as a whole (see the module docstring); other years and other files are left alone.
    Workbooks are written by ``workers`` processes (default: the CPUs, at most 8) once there are enough
    findings to repay starting them.  Returns the paths written, prefectures in code order, the national
    summary last.
    """
    shown = _relative_to(raw_root)
    findings = [
        finding._replace(file_path=shown(finding.file_path), message=shown(finding.message))
        for finding in (Finding(*row) for row in con.execute(_SELECT, [fiscal_year]).fetchall())
    ]
    by_prefecture: dict[str, list[Finding]] = {}
    for finding in findings:
        by_prefecture.setdefault(finding.prefecture_code or UNKNOWN_PREFECTURE[0], []).append(finding)
    given = {
        code: next((f.prefecture_name for f in rows if f.prefecture_name), None) for code, rows in by_prefecture.items()
    }
    names = _prefecture_names(given)
    created_at = run_time(con, run_id, fiscal_year).replace(microsecond=0)

    out_dir.mkdir(parents=True, exist_ok=True)
    _tidy(out_dir, fiscal_year)
    staging = Path(tempfile.mkdtemp(prefix=f".{fiscal_year}.", dir=out_dir))
    staging.chmod(0o755)  # mkdtemp makes it private; the prefectures' workbooks are read by others
    try:
        jobs = [
            _Job(
                staging / prefecture_workbook_name(fiscal_year, code, names[code]),
                fiscal_year,
                run_id,
                code,
                names[code],
                by_prefecture[code],
                created_at,
            )
            for code in sorted(by_prefecture)
        ]
        workers = min(workers or os.cpu_count() or 1, _MAX_WORKERS, len(jobs))
        if workers <= 1 or len(findings) < _POOL_THRESHOLD:
            staged = list(map(_write_prefecture, jobs))
        else:
            with process_pool(workers) as pool:
                staged = list(pool.map(_write_prefecture, jobs))
        workbooks = {job.code: job.path.name for job in jobs}
        path = staging / national_workbook_name(fiscal_year)
        _write_national(path, fiscal_year, run_id, by_prefecture, names, workbooks, created_at)
        staged.append(path)
        _switch(out_dir, fiscal_year, staging)
    except BaseException:
        _discard(staging)
        raise
    _tidy(out_dir, fiscal_year)
    for old in list(_flat_export(out_dir, fiscal_year)):
        old.unlink()  # the workbooks of an export made before years had their own folder
    folder = year_folder(out_dir, fiscal_year)
    return [folder / path.name for path in staged]


def year_folder(out_dir: Path, fiscal_year: int) -> Path:
    """``<cleaning_log>/<year>``: where a year's workbooks are read (a link to the set last written)."""
    return out_dir / str(fiscal_year)


def _switch(out_dir: Path, fiscal_year: int, staging: Path) -> None:
    """Point the year's folder at the new set in one rename (atomic on POSIX file systems)."""
    folder = year_folder(out_dir, fiscal_year)
    link = out_dir / f".{fiscal_year}.link"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(staging.name, link, target_is_directory=True)  # relative: the whole folder may be moved
    if folder.exists() and not folder.is_symlink():
        folder.rename(out_dir / f".{fiscal_year}.replaced")  # a real folder (made by hand) cannot be swapped
    os.replace(link, folder)


def _discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def _tidy(out_dir: Path, fiscal_year: int) -> list[Path]:
    """Remove every ``.<year>.*`` entry but the set the year's folder points at: earlier sets, and what a
    crashed export left (staging folders, a link not yet switched).  Returns what was removed."""
    folder = year_folder(out_dir, fiscal_year)
    current = os.readlink(folder) if folder.is_symlink() else None
    removed = []
    for path in sorted(out_dir.glob(f".{fiscal_year}.*")):
        if path.name == current:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def remove_leftovers(out_dir: Path) -> list[Path]:
    """What crashed exports of any year left in ``out_dir`` (the sets the year folders point at stay)."""
    if not out_dir.is_dir():
        return []
    years = sorted({m.group(1) for p in out_dir.glob(".*") if (m := _STAGED.match(p.name))})
    return [path for year in years for path in _tidy(out_dir, int(year))]


def _flat_export(out_dir: Path, fiscal_year: int) -> Iterable[Path]:
    yield from out_dir.glob(f"{fiscal_year}_*_疑義照会.xlsx")
    national = out_dir / national_workbook_name(fiscal_year)
    if national.exists():
        yield national


def write_latest(db: Path, folder: Path, years: list[int], raw_root: Path | None = None) -> dict[int, list[Path]]:
    """The 疑義照会 workbooks of each of ``years``, from its latest gate run (files named relative to ``raw_root``)."""
    written: dict[int, list[Path]] = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for run in latest_gate_runs(db):
            if run.fiscal_year in years:
                written[run.fiscal_year] = export_by_prefecture(
                    con, folder, run.run_id, run.fiscal_year, raw_root=raw_root
                )
    return written


def _relative_to(raw_root: Path | None) -> Callable[[str | None], str | None]:
    """What turns a text's paths under ``raw_root`` into paths relative to it (nothing without one)."""
    if raw_root is None:
        return lambda text: text
    prefixes = sorted({str(raw_root) + os.sep, str(raw_root.resolve()) + os.sep}, key=len, reverse=True)

    def shown(text: str | None) -> str | None:
        for prefix in prefixes:
            text = text.replace(prefix, "") if text else text
        return text

    return shown


def workbooks_with(con: duckdb.DuckDBPyConnection, out_dir: Path, fiscal_year: int, severity: str) -> list[Path]:
    """The prefectures' workbooks that list findings of ``severity``: the ones to act on first."""
    rows = con.execute(
        "select distinct prefecture_code, prefecture_name from gate.findings where fiscal_year = ? and severity = ?",
        [fiscal_year, severity],
    ).fetchall()
    given: dict[str, str | None] = {}
    for code, name in rows:
        given[code or UNKNOWN_PREFECTURE[0]] = given.get(code or UNKNOWN_PREFECTURE[0]) or name
    names = _prefecture_names(given)
    folder = year_folder(out_dir, fiscal_year)
    return [folder / prefecture_workbook_name(fiscal_year, code, names[code]) for code in sorted(given)]


def _prefecture_names(given: dict[str, str | None]) -> dict[str, str]:
    """All 47 prefectures by code, plus any code only the findings carry (with the name they give);
    reference names win for stable files."""
    names = {code: pref.name for code, pref in load_local_governments().prefectures.items()}
    for code, name in given.items():
        if code not in names:
            names[code] = name or (UNKNOWN_PREFECTURE[1] if code == UNKNOWN_PREFECTURE[0] else "不明")
    return names


def _safe(name: str) -> str:
    """A name fit for a file name on Windows, where prefectures open these files."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "不明"


_NUMBER = re.compile(r"(\d+)")
#: What an export writes beside the year folders: ``.<year>.<staging>``, ``.<year>.link``.
_STAGED = re.compile(r"^\.([0-9]{4})\.")


def _question_order(question: str | None) -> tuple[str | int, ...]:
    """問4-1 before 問4-2 before 問10: numbers compare as numbers (split() puts them at odd positions)."""
    parts = _NUMBER.split(unicodedata.normalize("NFKC", question or ""))
    return tuple(int(part) if i % 2 else part for i, part in enumerate(parts))


def _list_order(f: Finding) -> tuple[Any, ...]:
    """Prefecture-level respondents (no municipality) first, then municipalities in code order."""
    return (
        f.municipality_code or "",
        f.respondent_code or "",
        f.respondent_key or "",
        _question_order(f.question),
        f.item_key or "",
        f.rule or "",
    )


def _list_row(f: Finding) -> list[Any]:
    return [
        form_labels().get(f.form or "", f.form),
        f.prefecture_name,
        f.municipality_code,
        f.municipality_name,
        f.respondent_code,
        f.respondent_name,
        f.question,
        f.item_key,
        f.rule,
        family_label(f.rule_family),
        f.message,
        f.value_found,
        severity_label(f.severity),
        f.file_path,
        f.sheet,
        f.cell,
        f.first_detected_at,
    ]


def _severities(findings: Iterable[Finding]) -> list[str]:
    """hard and soft always, in that order, then any other value the gate wrote, so none is hidden."""
    extra = {f.severity or "" for f in findings} - set(SEVERITIES)
    return [*SEVERITIES, *sorted(extra)]


def _severity_heading(severity: str) -> str:
    return severity_label(severity)


class _Styles:
    """The few cell formats every sheet shares, made once per workbook."""

    def __init__(self, wb: Workbook) -> None:
        self.title: Format = wb.add_format({"bold": True, "font_size": 14})
        self.label: Format = wb.add_format({"bold": True})
        self.header: Format = wb.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "border": 1, "valign": "vcenter", "text_wrap": True}
        )
        self.number: Format = wb.add_format({"num_format": "#,##0"})
        self.total: Format = wb.add_format({"bold": True, "num_format": "#,##0", "top": 1})
        self.total_label: Format = wb.add_format({"bold": True, "top": 1})
        self.datetime: Format = wb.add_format({"num_format": _DATETIME, "align": "left"})
        self.text: Format = wb.add_format({"num_format": "@"})


def _workbook(path: Path, title: str) -> tuple[Workbook, _Styles]:
    wb = xlsxwriter.Workbook(str(path), _WORKBOOK_OPTIONS)
    wb.set_properties({"title": title, "subject": "在宅医療・介護連携推進事業 調査 疑義照会"})
    return wb, _Styles(wb)


def _display_width(value: Any) -> int:
    """Characters as Excel draws them, roughly: a full-width character takes about two."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 19
    text = str(value)
    # UTF-8 takes 1 byte for ASCII and 3 for kana and kanji: (bytes + characters) / 2 counts 1 and 2.
    return len(text) if text.isascii() else (len(text.encode()) + len(text)) // 2


def _fit_columns(
    ws: Worksheet,
    columns: Sequence[tuple[str, int]],
    rows: Sequence[Sequence[Any]],
    formats: dict[int, Format],
) -> None:
    """Widths from the headings and a sample of the rows, capped; ``formats`` apply to whole columns."""
    step = max(1, len(rows) // _SAMPLE_ROWS)
    sample = rows[::step]
    for col, (heading, cap) in enumerate(columns):
        widest = max([_display_width(heading), *(_display_width(row[col]) for row in sample)])
        ws.set_column(col, col, min(cap, max(6, widest + 2)), formats.get(col))


def _table(ws: Worksheet, styles: _Styles, top: int, headings: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """A small count table (text columns then numbers) at ``top``; returns the first free row after it."""
    ws.write_row(top, 0, headings, styles.header)
    for i, row in enumerate(rows, start=top + 1):
        for col, value in enumerate(row):
            ws.write(i, col, value, styles.number if isinstance(value, int) else None)
    return top + 1 + len(rows)


def _rule_rows(findings: Sequence[Finding], severities: Sequence[str]) -> list[list[Any]]:
    """One row per rule: its family, a count per severity, the total; the most frequent first."""
    counts = Counter((f.rule or "", f.rule_family or "", f.severity or "") for f in findings)
    rules = sorted({(rule, family) for rule, family, _ in counts})
    rows = [[rule, family_label(family), *(counts[rule, family, s] for s in severities)] for rule, family in rules]
    for row in rows:
        row.append(sum(row[2:]))
    rows.sort(key=lambda row: -row[-1])  # stable: ties stay in rule order
    return rows


class _Job(NamedTuple):
    """One prefecture's workbook to write; a tuple, so it travels to a worker process as is."""

    path: Path
    fiscal_year: int
    run_id: str
    code: str
    name: str
    findings: list[Finding]
    created_at: datetime


def _write_prefecture(job: _Job) -> Path:
    path, fiscal_year, run_id, code, name, _, created_at = job
    findings = sorted(job.findings, key=_list_order)
    title = f"{japanese_fiscal_year(fiscal_year)} 在宅医療・介護連携推進事業 調査 疑義照会 {name}"
    wb, styles = _workbook(path, title)
    severities = _severities(findings)

    ws = wb.add_worksheet(SUMMARY_SHEET)
    ws.write(0, 0, title, styles.title)
    info: list[tuple[str, Any]] = [
        ("年度", f"{japanese_fiscal_year(fiscal_year)}（{fiscal_year}）"),
        ("都道府県", f"{code} {name}"),
        ("実行ID", run_id),
        ("作成日時", created_at),
        ("指摘件数", len(findings)),
        ("対象回答者数", len({f.respondent_key or f.respondent_code for f in findings})),
    ]
    for i, (label, value) in enumerate(info, start=2):
        ws.write(i, 0, label, styles.label)
        fmt = styles.datetime if isinstance(value, datetime) else styles.number if isinstance(value, int) else None
        ws.write(i, 1, value, fmt)
    by_severity = Counter(f.severity or "" for f in findings)
    row = _table(
        ws, styles, 2 + len(info) + 1, ["重要度", "件数"], [[_severity_heading(s), by_severity[s]] for s in severities]
    )
    row = _table(
        ws,
        styles,
        row + 1,
        ["ルール", "ルール分類", *(_severity_heading(s) for s in severities), "合計"],
        _rule_rows(findings, severities),
    )
    for i, note in enumerate(_NOTES, start=row + 1):
        ws.write(i, 0, note)
    ws.set_column(0, 0, 16)
    ws.set_column(1, 1, 20)
    ws.set_column(2, 2 + len(severities), 10)

    ws = wb.add_worksheet(LIST_SHEET)
    rows = [_list_row(f) for f in findings]
    last = len(LIST_COLUMNS) - 1
    _fit_columns(ws, LIST_COLUMNS, rows, {2: styles.text, 4: styles.text, last: styles.datetime})
    ws.write_row(0, 0, LIST_HEADINGS, styles.header)
    _write_rows(ws, rows)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, len(rows), last)
    wb.close()
    return path


def _write_rows(ws: Worksheet, rows: Sequence[Sequence[Any]]) -> None:
    """The finding rows, by type: calling write_string directly skips xlsxwriter's per-cell dispatch."""
    write_string, write_datetime = ws.write_string, ws.write_datetime
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, datetime):
                write_datetime(r, c, value)
            else:
                write_string(r, c, cell_text(value if isinstance(value, str) else str(value)))


def _write_national(
    path: Path,
    fiscal_year: int,
    run_id: str,
    by_prefecture: dict[str, list[Finding]],
    names: dict[str, str],
    workbooks: dict[str, str],
    created_at: datetime,
) -> None:
    title = f"{japanese_fiscal_year(fiscal_year)} 在宅医療・介護連携推進事業 調査 疑義照会 全国概要"
    wb, styles = _workbook(path, title)
    findings = [f for rows in by_prefecture.values() for f in rows]
    severities = _severities(findings)
    severity_headings = [_severity_heading(s) for s in severities]

    ws = wb.add_worksheet(NATIONAL_SHEETS[0])
    headings = ["都道府県コード", "都道府県", *severity_headings, "合計", "対象回答者数", "ファイル"]
    rows: list[list[Any]] = []
    for code in sorted(names):
        rows_of = by_prefecture.get(code, [])
        counts = Counter(f.severity or "" for f in rows_of)
        respondents = len({f.respondent_key or f.respondent_code for f in rows_of})
        per_severity = [counts[s] for s in severities]
        rows.append([code, names[code], *per_severity, len(rows_of), respondents, workbooks.get(code)])
    end = _table(ws, styles, 0, headings, rows)
    ws.write(end, 0, "全国", styles.total_label)
    ws.write(end, 1, None, styles.total_label)
    for col in range(2, len(headings) - 1):
        ws.write(end, col, sum(row[col] for row in rows), styles.total)
    ws.write(end, len(headings) - 1, None, styles.total_label)
    ws.set_column(0, 0, 14)
    ws.set_column(1, 1, 12)
    ws.set_column(2, len(headings) - 2, 12)
    ws.set_column(len(headings) - 1, len(headings) - 1, 36)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, len(rows), len(headings) - 1)  # the 全国 row stays out of sorting and filtering

    ws = wb.add_worksheet(NATIONAL_SHEETS[1])
    rule_headings = ["ルール", "ルール分類", *severity_headings, "合計"]
    rule_rows = _rule_rows(findings, severities)
    _table(ws, styles, 0, rule_headings, rule_rows)
    ws.set_column(0, 1, 24)
    ws.set_column(2, len(rule_headings) - 1, 10)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, len(rule_rows), len(rule_headings) - 1)

    ws = wb.add_worksheet(NATIONAL_SHEETS[2])
    ws.write(0, 0, title, styles.title)
    info: list[tuple[str, Any]] = [
        ("年度", f"{japanese_fiscal_year(fiscal_year)}（{fiscal_year}）"),
        ("実行ID", run_id),
        ("作成日時", created_at),
        ("指摘件数", len(findings)),
        ("指摘のある都道府県数", len(by_prefecture)),
    ]
    for i, (label, value) in enumerate(info, start=2):
        ws.write(i, 0, label, styles.label)
        fmt = styles.datetime if isinstance(value, datetime) else styles.number if isinstance(value, int) else None
        ws.write(i, 1, value, fmt)
    ws.set_column(0, 0, 22)
    ws.set_column(1, 1, 24)
    wb.close()
