"""Filled workbooks, fast: the sample generator's returns written from the form's blank template.

:func:`~warehouse.workbook.template.write_workbook` builds a whole workbook per call (≈ 0.1 s, half of it the
1,788-row 自治体コード sheet), too slow for a national year of ~3,500 returns.  Here the blank template is written
once per form by that same function and kept as its zip members, compressed; a return is those members copied
as they are, with only the answer sheet's XML rewritten: its answer cells, the cached names of the code lookups
and anything typed elsewhere, written as ``write_workbook`` writes them (same styles, numbers as ``%.16G``,
texts escaped the same way) except that texts are inline strings, so the template's shared-strings table serves
every return unchanged (its optional ``count`` of references is dropped, as it no longer holds).

The result reads back cell for cell as ``write_workbook(cb, path, cells)`` would; a renamed answer sheet still
needs ``write_workbook`` (the sheet's name is in other parts).
"""

from __future__ import annotations

import re
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warehouse.codebook import Codebook, Item
from warehouse.codebook.layout import cell_name
from warehouse.workbook.template import lookup_cells, registry_name, write_workbook

ANSWER_PART = "xl/worksheets/sheet1.xml"  # the answer sheet is the template's first sheet
SHARED_STRINGS = "xl/sharedStrings.xml"
SPAN_ROWS = 16  # rows share one ``spans`` hint per block of 16, as xlsxwriter computes them

_ROW = re.compile(r'<row r="(\d+)"([^>]*)>(.*?)</row>', re.S)
_CELL = re.compile(r'<c r="([A-Z]+)\d+"[^>]*?(?:/>|>.*?</c>)', re.S)
_STYLE = re.compile(r' s="\d+"')
_FORMULA = re.compile(r"<f>.*?</f>", re.S)
_COL = re.compile(r'<col min="(\d+)" max="(\d+)"[^>]*? style="(\d+)"[^>]*/>')
_SPANS = re.compile(r' spans="(\d+):(\d+)"')
_DIMENSION = re.compile(r'<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/>')
_SST_COUNT = re.compile(rb'(<sst [^>]*?) count="\d+"')
_ESCAPED_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index


def _split(name: str) -> tuple[int, int]:
    """``"C12"`` → (row 12, column 3)."""
    letters = name.rstrip("0123456789")
    return int(name[len(letters) :]), _column_index(letters)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text_cell(ref: str, style: str, text: str) -> str:
    """A text as xlsxwriter writes it (control characters as ``_xHHHH_``, edge spaces kept), inline."""
    text = _ESCAPED_ESCAPE.sub(r"_x005F\1", text)
    text = _CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", text)
    text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'


def _value_cell(ref: str, style: str, value: Any) -> str:
    """The cell ``write_workbook`` writes for a value: a number, or the text of anything else."""
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int | float):
        return f'<c r="{ref}"{style}><v>{value:.16G}</v></c>'
    return _text_cell(ref, style, str(value))


@dataclass
class _Member:
    """A zip member with its deflated bytes, so that a return copies them instead of compressing them again."""

    name: bytes
    data: bytes  # deflated
    crc: int
    size: int
    info: zipfile.ZipInfo

    def local_header(self) -> bytes:
        i = self.info
        return struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", i.extract_version, 0, zipfile.ZIP_DEFLATED, *_dos_time(i),
            self.crc, len(self.data), self.size, len(self.name), 0,
        ) + self.name  # fmt: skip

    def central_header(self, offset: int) -> bytes:
        i = self.info
        return struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", i.create_system << 8 | i.create_version, i.extract_version, 0,
            zipfile.ZIP_DEFLATED, *_dos_time(i), self.crc, len(self.data), self.size, len(self.name), 0, 0, 0,
            i.internal_attr, i.external_attr, offset,
        ) + self.name  # fmt: skip


def _dos_time(info: zipfile.ZipInfo) -> tuple[int, int]:
    y, mo, d, h, mi, s = info.date_time
    return h << 11 | mi << 5 | s // 2, (y - 1980) << 9 | mo << 5 | d


def _member(info: zipfile.ZipInfo, content: bytes) -> _Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)  # zipfile's ZIP_DEFLATED, as xlsxwriter writes
    data = packer.compress(content) + packer.flush()
    return _Member(info.filename.encode("ascii"), data, zlib.crc32(content), len(content), info)


def _write_zip(path: Path, members: list[_Member]) -> None:
    """The archive, written by hand: ``zipfile`` cannot add a member already compressed (ASCII names, no flags)."""
    parts: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for m in members:
        header = m.local_header()
        central.append(m.central_header(offset))
        parts += (header, m.data)
        offset += len(header) + len(m.data)
    directory = b"".join(central)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0)
    path.write_bytes(b"".join(parts) + directory + end)


class Template:
    """A form's blank workbook (``write_workbook(cb, path)``), kept to write its returns."""

    def __init__(self, cb: Codebook) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            blank = write_workbook(cb, Path(tmp) / "template.xlsx")
            with zipfile.ZipFile(blank) as archive:
                contents = [(info, archive.read(info)) for info in archive.infolist()]
        self.members: list[_Member] = []
        for info, content in contents:
            if info.filename == SHARED_STRINGS:
                content = _SST_COUNT.sub(rb"\1", content, count=1)
            if info.filename == ANSWER_PART:
                self.answer_info, blank_sheet = info, content.decode("utf-8")
                self._parse(blank_sheet)
            self.members.append(_member(info, content))
        self.answers = {cell: (_split(cell), self._style(_split(cell))) for cell in cb.cell_map()}  # → position, style
        self.lookups: dict[str, tuple[Item, str, str]] = {}  # cell → (code item, style, formula element)
        for cell, item in lookup_cells(cb).items():
            formula = _FORMULA.search(self._template_cell(_split(cell)))
            if formula is None:
                raise ValueError(f"{cb.template_id}: the template has no formula in {cell}")
            self.lookups[cell] = (item, self._style(_split(cell)), formula.group(0))
        if self.sheet_xml({}) != blank_sheet:  # a layout this module does not take apart (it would lose parts)
            raise ValueError(f"{cb.template_id}: the answer sheet cannot be rebuilt from its rows and cells")

    def _parse(self, xml: str) -> None:
        start, end = xml.index("<sheetData>") + len("<sheetData>"), xml.index("</sheetData>")
        self.head, self.tail = xml[:start], xml[end:]
        self.rows: dict[int, tuple[str, str]] = {}  # row → (its attributes, its cells as written)
        self.cells: dict[int, dict[int, str]] = {}  # row → column → the cell's XML
        for row in _ROW.finditer(xml, start, end):
            number = int(row.group(1))
            self.rows[number] = (row.group(2), row.group(3))
            self.cells[number] = {_column_index(c.group(1)): c.group(0) for c in _CELL.finditer(row.group(3))}
        self.column_styles: dict[int, str] = {}
        for col in _COL.finditer(self.head):
            for c in range(int(col.group(1)), int(col.group(2)) + 1):
                self.column_styles[c] = f' s="{col.group(3)}"'
        self.spans: dict[int, tuple[int, int]] = {}  # block of rows → its columns
        for row, (attributes, _) in self.rows.items():
            found = _SPANS.search(attributes)
            if found:
                self.spans[(row - 1) // SPAN_ROWS] = (int(found.group(1)), int(found.group(2)))

    def _template_cell(self, position: tuple[int, int]) -> str:
        row, column = position
        xml = self.cells.get(row, {}).get(column)
        if xml is None:
            raise ValueError(f"the template has no cell {cell_name(row, column)}")
        return xml

    def _style(self, position: tuple[int, int]) -> str:
        found = _STYLE.search(self._template_cell(position).split(">", 1)[0])
        return found.group(0) if found else ""

    def sheet_xml(self, cells: Mapping[str, Any]) -> str:
        """The answer sheet holding ``cells`` (raw values, as ``write_workbook`` takes them)."""
        changed: dict[int, dict[int, str]] = {}
        added: list[tuple[int, int]] = []

        def put(position: tuple[int, int], xml: str) -> None:
            changed.setdefault(position[0], {})[position[1]] = xml

        for cell in self.answers.keys() & cells.keys():
            value = cells[cell]
            if value != "":  # an empty text is the template's blank answer cell
                position, style = self.answers[cell]
                put(position, _value_cell(cell, style, value))
        for cell, (item, style, formula) in self.lookups.items():
            name = registry_name(item, cells.get(item.cell))
            if name:
                put(_split(cell), f'<c r="{cell}"{style} t="str">{formula}<v>{_escape(name)}</v></c>')
        for cell in cells.keys() - self.answers.keys():  # typed anywhere else: no format but the column's
            position = _split(cell)
            put(position, _value_cell(cell, self.column_styles.get(position[1], ""), cells[cell]))
            if position[1] not in self.cells.get(position[0], {}):
                added.append(position)
        head, spans = (self._dimension(added), self._grown_spans(added)) if added else (self.head, {})
        out = [head]
        for row in sorted(self.rows.keys() | changed.keys()):
            attributes, written = self.rows.get(row, ("", ""))
            span = spans.get((row - 1) // SPAN_ROWS) if spans else None
            if span:
                attributes = f' spans="{span[0]}:{span[1]}"' + _SPANS.sub("", attributes)
            if row in changed:
                columns = self.cells.get(row, {}) | changed[row]
                written = "".join(columns[c] for c in sorted(columns))
            out.append(f'<row r="{row}"{attributes}>{written}</row>')
        out.append(self.tail)
        return "".join(out)

    def _grown_spans(self, added: list[tuple[int, int]]) -> dict[int, tuple[int, int]]:
        """Blocks of rows whose span of columns grows with the cells added → their new span."""
        grown: dict[int, tuple[int, int]] = {}
        for row, column in added:
            block = (row - 1) // SPAN_ROWS
            low, high = grown.get(block, self.spans.get(block, (column, column)))
            grown[block] = (min(low, column), max(high, column))
        return grown

    def _dimension(self, added: list[tuple[int, int]]) -> str:
        """The sheet's head with its used range grown to the cells added."""
        found = _DIMENSION.search(self.head)
        if found is None:
            return self.head
        first, last = found.group(1, 2), found.group(3, 4) if found.group(3) else found.group(1, 2)
        rows = [int(first[1]), int(last[1])] + [r for r, _ in added]
        columns = [_column_index(first[0]), _column_index(last[0])] + [c for _, c in added]
        top, bottom = cell_name(min(rows), min(columns)), cell_name(max(rows), max(columns))
        ref = top if top == bottom else f"{top}:{bottom}"
        return self.head[: found.start()] + f'<dimension ref="{ref}"/>' + self.head[found.end() :]

    def write(self, path: Path, cells: Mapping[str, Any]) -> Path:
        """Write the return holding ``cells`` to ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        sheet = _member(self.answer_info, self.sheet_xml(cells).encode("utf-8"))
        _write_zip(path, [sheet if m.info is self.answer_info else m for m in self.members])
        return path


_TEMPLATES: dict[tuple[int, str, str], Template] = {}


def write_filled(cb: Codebook, path: Path, cells: Mapping[str, Any]) -> Path:
    """``write_workbook(cb, path, cells)``, read back the same, from the form's template (built once a process)."""
    key = (cb.edition, cb.form, cb.template_id)
    if key not in _TEMPLATES:
        _TEMPLATES[key] = Template(cb)
    return _TEMPLATES[key].write(path, cells)
