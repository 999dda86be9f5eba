"""Reads the cells of a returned workbook, fast, and says precisely why when it cannot.

python-calamine (Rust) reads values 10–20× faster than openpyxl and handles .xlsx, .xlsm and .xls
alike, which is what a national year of ~3,500 small workbooks needs; it returns integers as
floats (normalised later).  Every problem becomes a :class:`Unreadable` with a reason code and a
message naming the file and sheet, for the quarantine table.

Formulas: calamine (0.9) has no formula API; it returns a formula cell's cached value as if typed
and skips a formula without one.  For .xlsx/.xlsm the sheet's XML part is scanned for its ``<f>``
cells (a byte search over the part calamine also inflates: 0.2–0.4 ms for a template-sized file, a
tenth to a fifth of calamine's read of the sheet), so the ingest can say which answers were formulas
and keep the formulas that have no value.  For .xls (BIFF) nothing of the formula is detected: its
cached result is read like a typed value (no ``formula`` note), and a formula saved without a result
(as xlwt writes them) reads as an empty cell, so ``formula_without_value`` cannot be given either.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree
from xml.sax.saxutils import unescape

import python_calamine as pc

from warehouse.codebook.layout import cell_name

ENGINE = f"python-calamine {getattr(pc, '__version__', '')}".strip()
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


class Unreadable(Exception):
    """A workbook that cannot be ingested; ``code`` is the machine-readable reason."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class SheetCells:
    """The non-empty cells of one sheet, keyed by A1 name, with the sheets the workbook has."""

    sheet: str
    sheet_names: tuple[str, ...]
    cells: dict[str, Any]
    engine: str
    file_format: str
    formulas: dict[str, str] = field(default_factory=dict)  # A1 name → formula text (.xlsx/.xlsm)


def file_format(path: Path, head: bytes) -> str:
    """The real container of a file (by content, not by its name)."""
    if head.startswith(ZIP_MAGIC):
        return "xlsm" if path.suffix.lower() == ".xlsm" else "xlsx"
    if head.startswith(OLE_MAGIC):
        return "xls"
    return "unknown"


def read_sheet(path: Path, sheet: str, content: bytes | None = None) -> SheetCells:
    """Non-empty cells of ``sheet`` in ``path`` (parsed from ``content`` when given: the bytes the caller read and
    hashed, so what is read is the version it recorded); raises :class:`Unreadable` with the reason."""
    if content is None:
        content = path.read_bytes()
    head = content[:8]
    if not head:
        raise Unreadable("empty_file", f"{path.name}: the file is empty (0 bytes)")
    fmt = file_format(path, head)
    if fmt == "unknown":
        raise Unreadable("not_a_workbook", f"{path.name}: not an Excel workbook (content starts {head[:4]!r})")
    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(content))
    except pc.PasswordError:
        raise Unreadable("password_protected", f"{path.name}: the workbook is password-protected") from None
    except Exception as err:  # calamine raises several types for broken containers
        raise Unreadable(
            "corrupt", f"{path.name}: the workbook cannot be opened ({type(err).__name__}: {err})"
        ) from None
    try:
        names = tuple(wb.sheet_names)
        if sheet not in names:
            found = ", ".join(map(repr, names)) or "no sheets"
            raise Unreadable("sheet_missing", f"{path.name}: sheet 「{sheet}」 not found (the workbook has {found})")
        try:
            data = wb.get_sheet_by_name(sheet)
            rows = data.to_python(skip_empty_area=False)
        except Exception as err:
            raise Unreadable(
                "corrupt", f"{path.name}: sheet 「{sheet}」 cannot be read ({type(err).__name__}: {err})"
            ) from None
    finally:
        wb.close()
    cells: dict[str, Any] = {}
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None and value != "":
                cells[cell_name(r, c)] = value
    formulas = sheet_formulas(path, sheet, content) if fmt in ("xlsx", "xlsm") else {}
    return SheetCells(sheet, names, cells, ENGINE, fmt, formulas)


_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_FORMULA = re.compile(rb"<(?:\w+:)?f(?=[\s/>])([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)  # <f> or <x:f>
_CELL_OPEN = re.compile(rb"<(?:\w+:)?c\s")
_CELL_REF = re.compile(rb'\sr="([A-Z]+[0-9]+)"')
_SHARED_INDEX = re.compile(rb'\ssi="([0-9]+)"')


def _sheet_part(archive: zipfile.ZipFile, sheet: str) -> str:
    """The zip member holding ``sheet`` (workbook.xml names it, its relationships locate it)."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rel_id = next(s.get(f"{_NS_REL}id") for s in book.iter(f"{_NS_MAIN}sheet") if s.get("name") == sheet)
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next(r.get("Target", "") for r in rels.iter(f"{_NS_PKG}Relationship") if r.get("Id") == rel_id)
    return target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)


def _formula_tags(data: bytes) -> Iterator[re.Match[bytes]]:
    """The ``<f>`` elements of a sheet part: found by ``bytes.find`` (a regex scan costs 3× more)."""
    if b":c " in data:  # namespace-prefixed elements (rare writers): the general pattern
        yield from _FORMULA.finditer(data)
        return
    pos = data.find(b"<f")
    while pos >= 0:
        match = _FORMULA.match(data, pos)
        if match:
            yield match
        pos = data.find(b"<f", match.end() if match else pos + 2)


def sheet_formulas(path: Path, sheet: str, content: bytes | None = None) -> dict[str, str]:
    """Formula text of every formula cell of ``sheet`` (``=`` prefixed), by A1 name.

    A cell of a shared formula that only points at its master gets the master's formula text
    (as written in the master cell) followed by ``(shared)``.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(content) if content is not None else path) as archive:
            data = archive.read(_sheet_part(archive, sheet))
    except (KeyError, StopIteration, zipfile.BadZipFile, ElementTree.ParseError) as err:
        raise Unreadable(
            "corrupt", f"{path.name}: the XML of sheet 「{sheet}」 cannot be read ({type(err).__name__}: {err})"
        ) from None
    formulas: dict[str, str] = {}
    shared: dict[bytes, str] = {}
    for match in _formula_tags(data):
        # the last cell opened before the formula is the cell holding it
        openings = [m.start() for m in _CELL_OPEN.finditer(data, max(0, match.start() - 400), match.start())]
        start = openings[-1] if openings else -1
        cell = _CELL_REF.search(data, start, data.find(b">", start)) if start >= 0 else None
        if cell is None:
            continue
        attrs, body = match.group(1), match.group(2)
        index = _SHARED_INDEX.search(attrs)
        if body:
            text = "=" + unescape(body.decode("utf-8"), {"&quot;": '"', "&apos;": "'"})
            if index:
                shared[index.group(1)] = text
        else:
            text = (shared.get(index.group(1), "=?") + " (shared)") if index else "="
        formulas[cell.group(1).decode()] = text
    return formulas
