"""One returned workbook → one submission with its answers, or one quarantine record.

Runs in worker processes (the ingest reads files in parallel), so it takes a path and returns plain
data; the DuckDB writes happen in the parent.  A file that is read but has problems (a code that is
not in the reference data, a value that had to be repaired, text typed outside the answer cells) is
still accepted, with every problem recorded on the row it concerns; only a file whose cells cannot be
trusted to mean what the codebook says (unreadable, wrong sheet, another template) is quarantined.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from warehouse.codebook import Codebook, Item, load
from warehouse.codebook.model import CODE_FORMATS, CODE_LENGTHS
from warehouse.ingest.file_names import describe, file_family, indicated_prefecture, mismatches
from warehouse.ingest.folder import FileVersion
from warehouse.ingest.normalise import Normalised, escaped, normalise
from warehouse.ingest.reader import SheetCells, Unreadable, read_sheet
from warehouse.reference.local_governments import LocalGovernment, code_as_of, code_in_force, load_on, member_on
from warehouse.wording import findings as wording
from warehouse.workbook.template import TEMPLATE_ID_CELL, lookup_cells, write_workbook

#: How many stray cells the one ``stray_cells`` issue of a file quotes (all are kept in raw.stray_cells).
STRAY_SAMPLE = 5


@dataclass
class Outcome:
    """The result of reading one file: a submission (with rows) or a quarantine reason."""

    file: FileVersion
    submission: dict[str, Any] | None = None
    answers: list[tuple[Any, ...]] = field(default_factory=list)
    stray_cells: list[tuple[Any, ...]] = field(default_factory=list)
    issues: list[tuple[Any, ...]] = field(default_factory=list)
    quarantine: tuple[str, str, str | None, str | None] | None = None  # code, message, sheet, cell

    @property
    def retried(self) -> bool:
        """The file changed while it was read: nothing of it is recorded as a version, so the next run reads it."""
        return self.quarantine is not None and self.quarantine[0] == CHANGED_WHILE_READ


#: The reason of a file that changed between being listed and being read, or while it was read.
CHANGED_WHILE_READ = "changed_while_read"


def read_once(path: Path, file: FileVersion) -> bytes | None:
    """The bytes of ``path``, read in one go, or None when they are not the version ``file`` lists (its size or
    time changed since the listing, or during the read, or its content since it was hashed): a sync client or a
    colleague saving over a return. What is recorded of a file (its sha256, stat and answers) comes from one read."""
    with path.open("rb") as handle:
        before = os.fstat(handle.fileno())
        content = handle.read()
        after = os.fstat(handle.fileno())
    stamp = (before.st_size, dt.datetime.fromtimestamp(before.st_mtime).replace(microsecond=0))
    steady = (
        (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns) == (len(content), before.st_mtime_ns)
    )
    if not steady or stamp != (file.size, file.mtime):
        return None
    if file.sha256 and hashlib.sha256(content).hexdigest() != file.sha256:
        return None
    return content


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@cache
def template_cells(edition: int, form: str) -> dict[str, Any]:
    """The cells of the blank template, to tell a respondent's stray edit from the printed labels."""
    cb = load(edition, form)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_workbook(cb, Path(tmp) / "template.xlsx")
        return read_sheet(path, cb.sheet).cells


def _identity(
    cb: Codebook, cells: dict[str, Any], path: Path
) -> tuple[dict[str, Any], list[tuple[str, str, str | None, dict[str, Any]]]]:
    """Who returned the workbook, from its code cell(s), checked against the reference data.

    Issues are ``(code, cell, item_key, details)``, ``details`` being what the cleaning log's sentence is
    made of.  The first code filled in decides (coordinators:
    F1-1 municipal before F1-2 prefecture).  When it is unknown or missing, the return is still filed
    under a prefecture if the other code cells or the file name point to one (``identity_status``
    stays as it is); when it is known, a file name naming someone else is reported.  Codes are those in
    force on the edition's reference date: a municipal code of another date (e.g. a town's code typed after
    it became a city) identifies the municipality but is reported with the code valid on the date."""
    registry = load_on(cb.code_date)
    issues: list[tuple[str, str, str | None, dict[str, Any]]] = []
    out: dict[str, Any] = {
        "respondent_code": None,
        "respondent_kind": None,
        "prefecture_code": None,
        "municipality_code": None,
        "identity_status": "missing_code",
    }
    codes = list(cb.identity_items)
    found: LocalGovernment | None = None
    others: list[LocalGovernment] = []
    for item in codes:
        assert item.cell is not None
        raw = cells.get(item.cell)
        if raw is None:
            continue
        value = normalise(raw, "code", code_digits=_digits(item), code_pattern=_pattern(item)).value
        government = _government(registry, item, value)
        outdated = None
        if government is None and item.code_kind == "municipality" and value:
            outdated = code_as_of(value, cb.code_date)
        if out["respondent_kind"] is not None:
            others += [government] if government is not None else []
            continue
        out["respondent_code"] = value
        out["respondent_kind"] = item.code_kind
        if outdated is not None:
            assert value is not None
            out["identity_status"] = "ok"
            out["prefecture_code"] = outdated.prefecture_code
            out["municipality_code"] = value
            member = member_on(outdated.municipality_id, cb.code_date)
            found = registry.municipalities.get(member.code5) if member else None
            details = {
                "typed": value,
                "typed_name": outdated.name,
                "valid_code": member.code5 if member else None,
                "valid_name": member.name if member else None,
                "reference_date": cb.code_date.isoformat(),
            }
            issues.append(("code_not_valid_on_date", item.cell, item.key, details))
            continue
        if government is None:
            out["identity_status"] = "unknown_code"
            issues.append(("unknown_code", item.cell, None, {"typed": value, "kind": item.code_kind}))
            continue
        found = government
        out["identity_status"] = "ok"
        out["prefecture_code"] = government.prefecture_code
        out["municipality_code"] = government.code5 if item.code_kind == "municipality" else None
        if item.code_kind == "hub":
            continue  # a hub's own number says its prefecture only: no file name names a hub
        wrong = mismatches(path, government, cb.code_date)
        if wrong:
            mentions = "".join(f"「{m.text}」" for m in wrong)
            named = "、".join(dict.fromkeys(describe(c) for m in wrong for c in m.candidates))
            question = f"{item.question}（{item.cell}）"
            said = (path.name, mentions, named, question, value, describe(government))
            details = dict(zip(wording.FILE_NAME_MISMATCH_DETAILS, said, strict=True))
            issues.append(("file_name_mismatch", item.cell, item.key, details))
    if out["identity_status"] == "missing_code":
        cells_named = ", ".join(i.cell or "" for i in codes)
        issues.append(("missing_code", cells_named, None, {"cells": cells_named}))
    if found is None:
        prefectures = {g.prefecture_code for g in others}
        out["prefecture_code"] = (
            prefectures.pop() if len(prefectures) == 1 else indicated_prefecture(path, cb.code_date)
        )
    return out, issues


def respondent_key(form: str, identity: dict[str, Any], path: Path, code_date: dt.date | None = None) -> str:
    """The key a resubmission shares with the return it replaces.

    Prefectures and municipalities are identified by their code, a municipality's code typed out of date
    by the code in force on the edition's ``code_date`` (so a correction that types the right code replaces
    it); a coordinator has no code of their own, so a coordinator's return is identified by the code it was
    sent to and the file's name (without a ``__<version>`` suffix, the convention for saving a resubmission
    beside the first).
    """
    code = identity["respondent_code"] or "unknown"
    if code_date is not None and identity["identity_status"] == "ok" and identity["respondent_kind"] == "municipality":
        code = code_in_force(code, code_date)
    if form != "coordinator":
        return f"{form}:{code}" if identity["identity_status"] == "ok" else f"{form}:{code}:{path.stem}"
    return f"coordinator:{code}:{file_family(path)}"


def _answer_rows(
    cb: Codebook, sheet: SheetCells, submission_id: str
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """One row per answer cell that holds anything (a formula without a value too), with its notes.

    A formula with a cached value is read as that value with a ``formula`` note; a formula without
    one is kept with its text as ``raw_value``, no value, and ``formula_without_value``.
    """
    rows: list[tuple[Any, ...]] = []
    issues: list[tuple[Any, ...]] = []
    for cell, (item, option) in cb.cell_map().items():
        raw = sheet.cells.get(cell)
        formula = sheet.formulas.get(cell)
        blank = raw is None or (isinstance(raw, str) and raw.strip() == "")
        if blank and formula is None:
            continue
        if blank:
            value, raw_text = Normalised(None, None, ("formula_without_value",)), formula
        else:
            value = normalise(
                raw,
                item.type,
                tick=option is not None,
                code_digits=_digits(item),
                unit=item.unit,
                code_pattern=_pattern(item),
            )
            raw_text = _raw_text(raw)
            if formula is not None:
                value = Normalised(value.value, value.number, ("formula", *value.notes))
        rows.append(
            (
                submission_id,
                item.key,
                option.code if option is not None else None,
                cell,
                raw_text,
                value.value,
                value.number,
                list(value.notes),
            )
        )
        for note in value.notes:
            issues.append((submission_id, note, cell, item.key, _note_details(raw_text, value, formula)))
    return rows, issues


def _note_details(raw_text: str | None, value: Normalised, formula: str | None) -> dict[str, Any]:
    """What was found in one answer cell: what was typed (a formula's text), and what it was read as."""
    details = {"typed": raw_text, "read": value.value, "formula": formula}
    return {key: v for key, v in details.items() if v is not None}


def _government(registry: Any, item: Item, value: str | None) -> LocalGovernment | None:
    """The local government a code names; a hub code is known when its prefecture digits are."""
    if item.code_kind == "hub":
        if value is None or not re.fullmatch(CODE_FORMATS["hub"], value):
            return None
        return registry.prefectures.get(value[1:3])
    table = registry.prefectures if item.code_kind == "prefecture" else registry.municipalities
    return table.get(value or "")


def _digits(item: Item) -> int | None:
    if item.type != "code" or item.code_kind == "hub":
        return None
    return CODE_LENGTHS[item.code_kind or "municipality"]


def _pattern(item: Item) -> str | None:
    return CODE_FORMATS["hub"] if item.type == "code" and item.code_kind == "hub" else None


def _raw_text(raw: Any) -> str:
    """The cell as typed, for provenance: control characters escaped (they are removed from the value)."""
    return repr(raw) if isinstance(raw, float) else escaped(str(raw))


def read_return(file: FileVersion, ingested_at: dt.datetime) -> Outcome:
    """Read one file version into an :class:`Outcome` (worker-side; no database access).

    An I/O error (permissions, a failing disk, a file removed while being read) quarantines this
    file with its reason instead of stopping the whole year."""
    try:
        return _read_return(file, ingested_at)
    except OSError as err:
        return unreadable(file, err)


def unreadable(file: FileVersion, err: OSError) -> Outcome:
    """The quarantine record of a file the operating system would not let us read."""
    why = f"{err.strerror} (errno {err.errno})" if err.strerror else f"{type(err).__name__}: {err}"
    return Outcome(file, quarantine=("unreadable_file", f"{file.path}: ファイルを読み取れません: {why}", None, None))


def _stray_issue(submission_id: str, strays: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    """One issue per file for everything typed outside the answer cells: the count and a sample."""
    sample = strays[:STRAY_SAMPLE]
    return (
        submission_id,
        "stray_cells",
        ",".join(cell for _, cell, _, _ in sample),
        None,
        {"count": len(strays), "sample": [[cell, text] for _, cell, text, _ in sample]},
    )


def _read_return(file: FileVersion, ingested_at: dt.datetime) -> Outcome:
    path = Path(file.path)
    outcome = Outcome(file)
    content = read_once(path, file)
    if content is None:
        reason = f"{path}: 読み取り中にファイルが変更されたため、次回の取り込みで読み直します"
        outcome.quarantine = (CHANGED_WHILE_READ, reason, None, None)
        return outcome
    file.sha256 = file.sha256 or hashlib.sha256(content).hexdigest()  # read_once compared the listed one
    try:
        cb = load(file.fiscal_year, file.form)
    except Exception as err:
        outcome.quarantine = (
            "unknown_form",
            f"{path}: no codebook for {file.fiscal_year}/{file.form} ({err})",
            None,
            None,
        )
        return outcome
    try:
        sheet = read_sheet(path, cb.sheet, content)
    except Unreadable as err:
        outcome.quarantine = (
            err.code,
            f"{path}: {err.message}",
            cb.sheet if err.code == "sheet_missing" else None,
            None,
        )
        return outcome
    template_id = sheet.cells.get(TEMPLATE_ID_CELL)
    if template_id != cb.template_id:
        outcome.quarantine = (
            "template_version",
            f"{path}: {cb.sheet}!{TEMPLATE_ID_CELL} holds template id {template_id!r}; "
            f"{cb.edition_label} {cb.form_label} returns must use template {cb.template_id!r}",
            cb.sheet,
            TEMPLATE_ID_CELL,
        )
        return outcome
    submission_id = file.sha256[:16] + ":" + hashlib.sha256(file.path.encode()).hexdigest()[:8]
    identity, identity_issues = _identity(cb, sheet.cells, path)
    outcome.answers, outcome.issues = _answer_rows(cb, sheet, submission_id)
    outcome.issues += [(submission_id, *issue) for issue in identity_issues]
    if sheet.file_format != "xlsx":
        outcome.issues.append(
            (
                submission_id,
                f"format_{sheet.file_format}",
                None,
                None,
                {"file_format": sheet.file_format},
            )
        )
    answer_cells = cb.cell_map()
    blank = template_cells(file.fiscal_year, file.form)
    formulas = lookup_cells(cb)
    for cell, raw in sheet.cells.items():
        if cell in answer_cells or cell in formulas or blank.get(cell) == raw:
            continue
        outcome.stray_cells.append((submission_id, cell, _raw_text(raw), blank.get(cell) is not None))
    if outcome.stray_cells:
        outcome.issues.append(_stray_issue(submission_id, outcome.stray_cells))
    outcome.submission = {
        "submission_id": submission_id,
        "fiscal_year": file.fiscal_year,
        "form": file.form,
        "respondent_key": respondent_key(file.form, identity, path, cb.code_date),
        "file_family": file_family(path),
        **identity,
        "file_path": file.path,
        "file_sha256": file.sha256,
        "file_size": file.size,
        "file_mtime": file.mtime,
        "file_format": sheet.file_format,
        "sheet": sheet.sheet,
        "template_id": template_id,
        "reader_engine": sheet.engine,
        "ingested_at": ingested_at,
        "answer_cells": len(outcome.answers),
    }
    return outcome
