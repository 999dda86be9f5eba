"""The codebook as typed objects: one per survey edition and form, loaded from its YAML file.

The YAML is the single contract of a questionnaire (see ``docs/codebook.md``); the template writer,
the reader's cell map, the question/option dimensions and the quality rules are all derived from the
objects defined here, so nothing about a question is typed twice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from warehouse.codebook import expressions as ex
from warehouse.yaml_files import read_yaml

EDITIONS_DIR = Path(__file__).parent / "editions"
#: The 令和5年度 forms come first, in questionnaire order; any other form is found from its codebook files.
CORE_FORMS = ("prefecture", "municipality", "coordinator")
_FORM_FILE = re.compile(r"^[a-z][a-z_]*$")
ItemType = Literal["single", "multiple", "number", "text", "code"]
ITEM_TYPES: tuple[str, ...] = ("single", "multiple", "number", "text", "code")
CODE_FORMATS = {"prefecture": r"^[0-9]{2}$", "municipality": r"^[0-9]{5}$", "hub": r"^H[0-9]{6}$"}
#: Characters of a code of each kind (a hub code is H, the 2-digit prefecture and a 4-digit number).
CODE_LENGTHS = {"prefecture": 2, "municipality": 5, "hub": 7}
CODE_HINTS = {
    "prefecture": "半角数字2桁",
    "municipality": "半角数字5桁",
    "hub": "H＋半角数字6桁（都道府県コード2桁＋拠点番号4桁）",
}

#: The seven scenarios of the programme: the four scenes, then 認知症・感染症・災害.
SCENARIOS: dict[str, str] = {
    "daily_care": "日常の療養支援",
    "admission_discharge": "入退院支援",
    "emergency": "急変時の対応",
    "end_of_life": "看取り",
    "dementia": "認知症",
    "infection": "感染症",
    "disaster": "災害",
}


class CodebookError(ValueError):
    """A codebook file that cannot be loaded; the message names the file and the item."""


@dataclass(frozen=True)
class Option:
    code: int
    key: str
    label: str
    cell: str | None = None  # tick cell, for multiple-choice items


@dataclass(frozen=True)
class Rule:
    """One constraint of an item: ``expr`` must hold whenever the item is answered."""

    id: str
    source: str
    expr: ex.Node
    message: str


@dataclass(frozen=True)
class Item:
    key: str
    question: str
    label: str
    type: str
    cell: str | None
    options: tuple[Option, ...]
    relevant_source: str | None
    relevant: ex.Node | None
    required: bool
    constraints: tuple[Rule, ...]
    text: str | None = None
    section: str | None = None
    layout_with: str | None = None
    code_kind: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    plausible_max: float | None = None
    plausible_why: str | None = None
    integer: bool = False
    unit: str | None = None
    tags: dict[str, str] = field(default_factory=dict)
    identity: bool = True  # code items: False for a code that names someone else (the municipalities served)
    evidence: str | None = None  # where a reconstructed item is attested (seed and line)

    @property
    def cells(self) -> tuple[str, ...]:
        """Every answer cell of the item: one, or one per option for multiple choice."""
        if self.type == "multiple":
            return tuple(o.cell for o in self.options if o.cell)
        return (self.cell,) if self.cell else ()

    def option(self, code: int) -> Option:
        for option in self.options:
            if option.code == code:
                return option
        raise KeyError(f"{self.key} has no option {code}")

    @property
    def option_codes(self) -> frozenset[int]:
        return frozenset(o.code for o in self.options)


@dataclass(frozen=True)
class Codebook:
    path: Path
    edition: int
    edition_label: str
    form: str
    form_label: str
    title: str
    reference_date: dt.date | None  # None only where the survey's date is not known (reference_date_note)
    template_version: str
    sheet: str
    items: tuple[Item, ...]
    survey: str | None = None
    survey_label: str | None = None
    reference_date_note: str | None = None
    codes_as_of: dt.date | None = None  # the code list returns use, where it is not the reference date's
    notes: tuple[str, ...] = ()

    @property
    def code_date(self) -> dt.date:
        """The date whose municipal codes the returns carry: the reference date unless stated apart."""
        date = self.codes_as_of or self.reference_date
        if date is None:
            raise CodebookError(f"{self.path.name}: neither reference_date nor codes_as_of is given")
        return date

    @property
    def template_id(self) -> str:
        """The identifier written into every template, checked by the reader."""
        return f"{self.edition}-{self.form}-v{self.template_version}"

    def item(self, key: str) -> Item:
        try:
            return self._by_key[key]
        except KeyError:
            raise KeyError(f"{self.path.name}: no item {key!r}") from None

    @property
    def _by_key(self) -> dict[str, Item]:
        return {i.key: i for i in self.items}

    def cell_map(self) -> dict[str, tuple[Item, Option | None]]:
        """Answer cell → (item, option for tick cells); the reader's only map of the sheet."""
        out: dict[str, tuple[Item, Option | None]] = {}
        for item in self.items:
            if item.type == "multiple":
                for option in item.options:
                    if option.cell:
                        out[option.cell] = (item, option)
            elif item.cell:
                out[item.cell] = (item, None)
        return out

    @property
    def identity_items(self) -> tuple[Item, ...]:
        """The code cells that say who the respondent is, in the order they decide it."""
        return tuple(i for i in self.items if i.type == "code" and i.identity)

    @property
    def code_item(self) -> Item:
        """The respondent's own code cell (F1); coordinators have two, the municipal one first."""
        return self.identity_items[0]


def _parse_rule(source: str, where: str) -> ex.Node:
    try:
        return ex.parse(str(source))
    except ex.ExpressionError as err:
        raise CodebookError(f"{where}: {err}") from None


def _options(raw: list[Any], where: str) -> tuple[Option, ...]:
    out = []
    for entry in raw or []:
        if not isinstance(entry, list) or len(entry) not in (3, 4):
            raise CodebookError(f"{where}: option must be [code, key, label] or [code, key, label, cell]: {entry!r}")
        code, key, label, *cell = entry
        out.append(Option(int(code), str(key), str(label), cell[0] if cell else None))
    return tuple(out)


def _derived_rules(item: dict[str, Any], key: str) -> list[Rule]:
    """Rules implied by an item's type, so the gate sees one uniform list of constraints.

    ``min``/``max`` give ``range`` (what cannot be true); ``plausible_max`` gives ``plausible`` (what
    is possible but almost surely a typing error, such as a head count of 1,000,000,000).
    """
    rules: list[Rule] = []
    if item.get("type") == "code":
        kind = item.get("code_kind", "")
        if kind not in CODE_FORMATS:
            raise CodebookError(f"{key}: code_kind must be one of {sorted(CODE_FORMATS)}")
        source = f"regex(., '{CODE_FORMATS[kind]}')"
        rules.append(Rule("format", source, ex.parse(source), f"{CODE_HINTS[kind]}で記入してください"))
    if item.get("type") == "number":
        bounds = []
        if item.get("min") is not None:
            bounds.append(f". >= {item['min']}")
        if item.get("max") is not None:
            bounds.append(f". <= {item['max']}")
        if bounds:
            source = " and ".join(bounds)
            rules.append(
                Rule(
                    "range",
                    source,
                    ex.parse(source),
                    f"{item.get('min', '')}〜{item.get('max', '')}の範囲で記入してください",
                )
            )
        if item.get("plausible_max") is not None:
            limit = item["plausible_max"]
            source = f". <= {limit}"
            message = f"{limit}{item.get('unit') or ''}を超える回答は通常ありません。誤記でないかご確認ください"
            rules.append(Rule("plausible", source, ex.parse(source), message))
    return rules


def _item(raw: dict[str, Any], where: str) -> Item:
    key = raw.get("key")
    if not key:
        raise CodebookError(f"{where}: item without a key: {raw!r}")
    where = f"{where}: {key}"
    kind = raw.get("type")
    if kind not in ITEM_TYPES:
        raise CodebookError(f"{where}: type must be one of {ITEM_TYPES}, got {kind!r}")
    if kind == "text" and "required" not in raw:
        raise CodebookError(f"{where}: text items must say required (記述) or not (自由記載)")
    rules = _derived_rules(raw, where)
    for c in raw.get("constraints") or []:
        rules.append(Rule(str(c["id"]), str(c["expr"]), _parse_rule(c["expr"], where), str(c.get("message", ""))))
    relevant = raw.get("relevant")
    return Item(
        key=str(key),
        question=str(raw.get("question", "")),
        label=str(raw.get("label", "")),
        type=kind,
        cell=raw.get("cell"),
        options=_options(raw.get("options"), where),
        relevant_source=str(relevant) if relevant else None,
        relevant=_parse_rule(relevant, where) if relevant else None,
        required=bool(raw.get("required", True)),
        constraints=tuple(rules),
        text=raw.get("text"),
        section=raw.get("section"),
        layout_with=raw.get("layout_with"),
        code_kind=raw.get("code_kind"),
        minimum=raw.get("min"),
        maximum=raw.get("max"),
        plausible_max=raw.get("plausible_max"),
        plausible_why=raw.get("plausible_why"),
        integer=bool(raw.get("integer", False)),
        unit=raw.get("unit"),
        tags={str(k): str(v).lower() if isinstance(v, bool) else str(v) for k, v in (raw.get("tags") or {}).items()},
        identity=bool(raw.get("identity", True)),
        evidence=raw.get("evidence"),
    )


def load_file(path: Path) -> Codebook:
    """Load one codebook YAML file into objects; structural errors name the file and item."""
    raw = read_yaml(path)
    where = path.name
    try:
        items = tuple(_item(r, where) for r in raw["items"])
        if raw["reference_date"] is None and not raw.get("reference_date_note"):
            raise CodebookError(f"{where}: a reference_date left empty needs a reference_date_note saying why")
        return Codebook(
            path=path,
            edition=int(raw["edition"]),
            edition_label=str(raw["edition_label"]),
            form=str(raw["form"]),
            form_label=str(raw["form_label"]),
            title=str(raw["title"]),
            reference_date=raw["reference_date"],
            template_version=str(raw["template_version"]),
            sheet=str(raw["sheet"]),
            items=items,
            survey=raw.get("survey"),
            survey_label=raw.get("survey_label"),
            reference_date_note=raw.get("reference_date_note"),
            codes_as_of=raw.get("codes_as_of"),
            notes=tuple(str(n) for n in raw.get("notes") or ()),
        )
    except KeyError as err:
        raise CodebookError(f"{where}: missing top-level field {err}") from None


def _forms() -> tuple[str, ...]:
    """Every form that has a codebook in some edition: the 令和5年度 forms first, then by name.

    ``charts_*`` and ``calibration_*`` files sit beside the codebooks but are not forms.
    """
    stems = {p.stem for p in EDITIONS_DIR.glob("*/*.yaml") if _FORM_FILE.match(p.stem)}
    found = {f for f in stems if not f.startswith(("charts_", "calibration_"))}
    return CORE_FORMS + tuple(sorted(found - set(CORE_FORMS)))


FORMS = _forms()


def codebook_paths() -> list[Path]:
    return sorted(p for p in EDITIONS_DIR.glob("*/*.yaml") if p.stem in FORMS)


@cache
def load(edition: int, form: str) -> Codebook:
    """The codebook of one edition and form, e.g. ``load(2023, "municipality")``."""
    path = EDITIONS_DIR / str(edition) / f"{form}.yaml"
    if not path.exists():
        raise CodebookError(f"no codebook for edition {edition} form {form!r} ({path})")
    return load_file(path)


def editions() -> list[int]:
    return sorted({int(p.parent.name) for p in codebook_paths()})


def load_edition(edition: int) -> dict[str, Codebook]:
    """All forms of one edition, keyed by form."""
    return {form: load(edition, form) for form in FORMS if (EDITIONS_DIR / str(edition) / f"{form}.yaml").exists()}
