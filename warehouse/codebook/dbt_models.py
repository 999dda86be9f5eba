"""The per-form dbt models, written from the codebooks into ``dbt_project/models/intermediate/forms/``.

Each form gets five models, plain SQL with every edition's rules written out (a reader sees them without
a database, sqlfluff lints them), and a YAML file declaring the form (``meta.forms``, tag ``form_<form>``)
and describing the columns from the codebook's labels:

- ``int_<form>__respondent_answers``: one row per return, one column per item;
- ``int_<form>__skip_logic``: each item with a skip rule, whether it applies and the answer as it counts;
- ``int_<form>__item_status``, ``int_<form>__rule_checks``, ``int_<form>__populations``: read from those;

and the unions over every form (``int_item_status``, ``int_populations``).  The files are committed; a
test regenerates them and fails when a codebook changed without them.

    python -m warehouse.codebook.dbt_models           # write the files
    python -m warehouse.codebook.dbt_models --check   # exit 1 when a file differs
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

from warehouse.codebook.model import FORMS, Codebook, editions, load_edition
from warehouse.codebook.sql import Compiler, column
from warehouse.codebook.sql_layout import INDENT, WIDTH, lines
from warehouse.codebook.tables import chart_populations
from warehouse.transform.dbt import PROJECT_DIR

#: Where the generated models sit in a dbt project.
FORMS_FOLDER = Path("models", "intermediate", "forms")
FOLDER = PROJECT_DIR / FORMS_FOLDER
HEADER = "-- Generated from the codebooks by `python -m warehouse.codebook.dbt_models`: edit those, not this file.\n"
KEYS = ("fiscal_year", "form", "respondent_key", "submission_id")
#: The types of KEYS and of the population, for a form whose charts count no population.
_TYPES = ("integer", "varchar", "varchar", "varchar", "varchar")
#: Each item type's column in the staged answers, and how a return's cells of the item become one value.
PIVOT = {"single": "answer_code", "number": "answer_number"}
TAB = " " * INDENT


def books() -> dict[str, list[Codebook]]:
    """Every form's codebooks, oldest edition first."""
    found: dict[str, list[Codebook]] = {}
    for edition in editions():
        for form, cb in load_edition(edition).items():
            found.setdefault(form, []).append(cb)
    return {form: found[form] for form in FORMS if form in found}


def _items(cbs: list[Codebook]) -> list[tuple[str, str]]:
    """(key, type) of every item of a form in any edition: the first edition's order, then the key."""
    first: dict[str, tuple[int, int, str]] = {}
    types: dict[str, str] = {}
    for cb in cbs:
        for ordinal, item in enumerate(cb.items, start=1):
            if types.setdefault(item.key, item.type) != item.type:
                raise ValueError(f"{cb.path.name}: {item.key} is a {item.type} item here, {types[item.key]} before")
            edition, earliest, _ = first.get(item.key, (cb.edition, ordinal, item.key))
            first[item.key] = (edition, min(earliest, ordinal), item.key)
    return [(key, types[key]) for key in sorted(first, key=first.__getitem__)]


def _column(sql: str, alias: str | None, indent: int) -> list[str]:
    """``sql [as alias]`` laid out at ``indent``: on one line if it fits (with a comma after it), else broken."""
    width = WIDTH - 1
    text = f"{sql} as {alias}" if alias else sql
    if indent + len(text) <= width:
        return [" " * indent + text]
    if not alias:
        return lines(sql, indent, width)
    broken = lines(sql, indent, width - len(alias) - 4)
    if len(broken) == 1:  # fits alone but not with its alias: the alias goes after the closing line
        broken = [" " * indent + "(", *lines(sql, indent + INDENT, width), " " * indent + ")"]
    broken[-1] += f" as {alias}"
    return broken


def _select(columns: list[list[str]], indent: int) -> list[str]:
    """``select`` and its columns (each a list of lines), commas after each but the last."""
    out = [" " * (indent - INDENT) + "select"]
    for i, broken in enumerate(columns):
        out += [*broken[:-1], broken[-1] + ("," if i < len(columns) - 1 else "")]
    return out


def _plain(names: Iterable[str], indent: int) -> list[list[str]]:
    return [[" " * indent + name] for name in names]


def _ctes(ctes: list[tuple[str, list[str]]]) -> list[str]:
    """``with`` and the CTEs, whose lines are already indented once."""
    out: list[str] = []
    for i, (name, body) in enumerate(ctes):
        out += [f"with {name} as (" if i == 0 else f"{name} as (", *body, ")," if i < len(ctes) - 1 else ")", ""]
    return out


def _union(ctes: list[str], joiner: str = "union all by name") -> list[str]:
    """The CTEs one after the other; by name, they may differ in their columns (editions in their items),
    which sqlfluff, counting columns by position, is told (AM07)."""
    out: list[str] = []
    for i, name in enumerate(ctes):
        out += [joiner] if i else []
        out.append(f"select * from {name}")
    if len(ctes) > 1 and joiner.endswith("by name"):
        out[0] += "  -- noqa: AM07"
    return out


def _file(description: str, body: list[str]) -> str:
    said = "\n".join(f"-- {line}" for line in textwrap.wrap(description, WIDTH - 3))
    return HEADER + said + "\n" + "\n".join(body).rstrip() + "\n"


def _editions(cbs: list[Codebook], body: Callable[[Codebook], list[str]], source: str) -> list[tuple[str, list[str]]]:
    """One CTE per set of editions whose ``body`` (a select's lines) is the same: the legacy editions share
    their rules, so they are written once."""
    grouped: dict[tuple[str, ...], list[int]] = {}
    for cb in cbs:
        grouped.setdefault(tuple(body(cb)), []).append(cb.edition)
    out: list[tuple[str, list[str]]] = []
    for lines_, years in grouped.items():
        where = f"fiscal_year = {years[0]}" if len(years) == 1 else f"fiscal_year in ({', '.join(map(str, years))})"
        out.append(("edition_" + "_".join(map(str, years)), [*lines_, f"{TAB}from {source}", f"{TAB}where {where}"]))
    return out


def _read(model: str, columns: str = "*") -> list[str]:
    """The lines of a CTE reading a model's returns not yet built."""
    return [f"{TAB}select {columns}", f"{TAB}from {{{{ ref('{model}') }}}}", f"{TAB}where {{{{ is_new_return() }}}}"]


def respondent_answers(form: str, cbs: list[Codebook]) -> str:
    columns = _plain((f"submissions.{key}" for key in KEYS), INDENT)
    for key, item_type in _items(cbs):
        name = column(key)
        if item_type == "multiple":
            value, where = "list(answers.option_code order by answers.option_code)", " and answers.is_ticked"
        else:
            value, where = f"max(answers.{PIVOT.get(item_type, 'answer_text')})", ""
        one = f"{TAB}{value} filter (where answers.item_key = '{key}'{where}) as {name}"
        if len(one) <= WIDTH:
            columns.append([one])
        else:
            columns.append(
                [f"{TAB}{value} filter (", f"{TAB * 2}where answers.item_key = '{key}'{where}", f"{TAB}) as {name}"]
            )
    columns.append([f"{TAB}count(answers.item_key) as answer_cells"])
    body = [
        *_select(columns, INDENT),
        "from {{ ref('stg_raw__submissions') }} as submissions",
        "left join {{ ref('stg_raw__answers') }} as answers",
        f"{TAB}on submissions.submission_id = answers.submission_id",
        f"where submissions.form = '{form}' and {{{{ is_new_return('submissions.submission_id') }}}}",
        "group by " + ", ".join(f"submissions.{key}" for key in KEYS),
    ]
    return _file(f"One row per {form} return, one column per item of any edition: the answers as written.", body)


def skip_logic(form: str, cbs: list[Codebook]) -> str:
    items = _items(cbs)
    answers = _select(_plain([*KEYS, *(column(k) for k, _ in items)], 2 * INDENT), 2 * INDENT)
    answers += [f"{TAB}from {{{{ ref('int_{form}__respondent_answers') }}}}", f"{TAB}where {{{{ is_new_return() }}}}"]
    ctes: list[tuple[str, list[str]]] = [("answers", answers)]

    def body(cb: Codebook) -> list[str]:
        columns = _plain([*KEYS, *(column(i.key) for i in cb.items)], 2 * INDENT)
        columns += [_column(sql, name, 2 * INDENT) for name, sql in Compiler(cb).skip_logic()]
        return _select(columns, 2 * INDENT)

    editions_ = _editions(cbs, body, "answers")
    out = _ctes(ctes + editions_) + _union([name for name, _ in editions_])
    return _file(
        f"One row per {form} return: each answer as written, and for an item with a skip rule whether it "
        "applies (<item>__is_relevant) and the answer as it counts (<item>__effective: NULL where it does not); "
        "whether each item is answered (<item>__is_given).",
        out,
    )


def _flag(fields: list[tuple[str, str]], indent: int, last: bool) -> list[str]:
    """One struct of the item_status list: on one line if it fits, else one field per line."""
    comma = "" if last else ","
    one = " " * indent + "{ " + ", ".join(f"'{k}': {v}" for k, v in fields) + " }" + comma
    if len(one) <= WIDTH:
        return [one]
    body: list[str] = []
    for i, (key, value) in enumerate(fields):
        first, *rest = lines(value, indent + INDENT, WIDTH - len(key) - 4)
        body += [f"{' ' * (indent + INDENT)}'{key}': {first.lstrip()}", *rest]
        body[-1] += "," if i < len(fields) - 1 else ""
    return [" " * indent + "{", *body, " " * indent + "}" + comma]


def item_status(form: str, cbs: list[Codebook]) -> str:
    ctes: list[tuple[str, list[str]]] = [("skip_logic", _read(f"int_{form}__skip_logic"))]

    def body(cb: Codebook) -> list[str]:
        compiler = Compiler(cb)
        flags: list[str] = []
        for i, item in enumerate(cb.items):
            fields = [
                ("item_key", f"'{item.key}'"),
                ("is_relevant", compiler.relevant(item.key)),
                ("is_given", compiler.given(item)),
            ]
            flags += _flag(fields, 3 * INDENT, i == len(cb.items) - 1)
        columns = [*_plain(KEYS, 2 * INDENT), [f"{TAB * 2}unnest([", *flags, f"{TAB * 2}]) as flag"]]
        return _select(columns, 2 * INDENT)

    editions_ = _editions(cbs, body, "skip_logic")
    ctes += [*editions_, ("flags", [TAB + line for line in _union([name for name, _ in editions_], "union all")])]
    status = [
        f"{TAB}case",
        f"{TAB * 2}when flags.flag.is_relevant and flags.flag.is_given then 'answered'",
        f"{TAB * 2}when flags.flag.is_relevant then 'missing'",
        f"{TAB * 2}when flags.flag.is_given then 'off_path'",
        f"{TAB * 2}else 'skipped'",
        f"{TAB}end as status",
    ]
    names = [f"flags.{key}" for key in KEYS] + [f"flags.flag.{f}" for f in ("item_key", "is_relevant", "is_given")]
    out = _ctes(ctes) + _select([*_plain(names, INDENT), status], INDENT) + ["from flags"]
    return _file(
        f"One row per {form} return and item of its edition: whether it applies, is answered, and so its status.", out
    )


def rule_checks(form: str, cbs: list[Codebook]) -> str:
    ctes: list[tuple[str, list[str]]] = [("skip_logic", _read(f"int_{form}__skip_logic"))]

    def body(cb: Codebook) -> list[str]:
        columns = _plain(KEYS, 2 * INDENT)
        columns += [_column(check.sql, column(check.column), 2 * INDENT) for check in Compiler(cb).checks()]
        select = _select(columns, 2 * INDENT)
        # the codebook's order of rules, where sqlfluff would put the plain columns first
        return [f"{TAB}-- in the codebook's order of rules", f"{select[0]}  -- noqa: ST06", *select[1:]]

    editions_ = _editions(cbs, body, "skip_logic")
    out = _ctes(ctes + editions_) + _union([name for name, _ in editions_])
    return _file(
        f"One row per {form} return, one column per rule of its edition: TRUE holds, FALSE broken, "
        "NULL does not apply.",
        out,
    )


def populations(form: str, cbs: list[Codebook]) -> str:
    rules = [(cb, name, rule, band) for cb in cbs for name, (rule, band) in sorted(chart_populations(cb).items())]
    ctes: list[tuple[str, list[str]]] = [("skip_logic", _read(f"int_{form}__skip_logic"))]
    if any(band for *_, band in rules):
        banded = [
            *_select(_plain(["skip_logic.*", "bands.population_band"], 2 * INDENT), 2 * INDENT),
            f"{TAB}from skip_logic",
            f"{TAB}inner join {{{{ ref('stg_raw__submissions') }}}} as submissions",
            f"{TAB * 2}on skip_logic.submission_id = submissions.submission_id",
            f"{TAB}inner join {{{{ ref('int_municipality_population_bands') }}}} as bands",
            f"{TAB * 2}on",
            f"{TAB * 3}submissions.fiscal_year = bands.fiscal_year",
            f"{TAB * 3}and submissions.form = bands.form",
            f"{TAB * 3}and submissions.municipality_id = bands.municipality_id",
        ]
        ctes.append(("banded", banded))
    out = _ctes(ctes)
    for i, (cb, name, rule, band) in enumerate(rules):
        condition = Compiler(cb).condition(rule) if rule is not None else "true"
        where = f"fiscal_year = {cb.edition} and {condition}"
        if band:
            where += f" and population_band = '{band}'"
        out += ["union all"] if i else []
        out += _select(_plain([*KEYS, f"'{name}' as population"], INDENT), INDENT)
        out += ["from banded" if band else "from skip_logic"]
        out += [f"where {where}"] if len(where) + 6 <= WIDTH else ["where", *lines(where, INDENT)]
    if not rules:
        nulls = [f"cast(null as {t}) as {k}" for k, t in zip((*KEYS, "population"), _TYPES, strict=True)]
        out = [*_select(_plain(nulls, INDENT), INDENT), "where false"]
    return _file(
        f"The {form} returns each published chart counts: one row per return and population it belongs to.", out
    )


def union_over_forms(forms: Iterable[str], model: str, columns: tuple[str, ...], description: str) -> str:
    body: list[str] = []
    for i, form in enumerate(forms):
        body += ["union all"] if i else []
        body += _select(_plain(columns, INDENT), INDENT)
        body += [f"from {{{{ ref('int_{form}__{model}') }}}}", "where {{ is_new_return() }}"]
    return _file(description, body)


def files(folder: Path = FOLDER) -> dict[Path, str]:
    """Every generated file's path (under ``folder``, the project's by default) and its text."""
    out: dict[Path, str] = {}
    forms = books()
    for form, cbs in forms.items():
        under = folder / form
        for name, render in (
            ("respondent_answers", respondent_answers),
            ("skip_logic", skip_logic),
            ("item_status", item_status),
            ("rule_checks", rule_checks),
            ("populations", populations),
        ):
            out[under / f"int_{form}__{name}.sql"] = render(form, cbs)
        out[under / f"_{form}__models.yml"] = models_yaml(form, cbs)
    out[folder / "int_item_status.sql"] = union_over_forms(
        forms,
        "item_status",
        (*KEYS, "item_key", "is_relevant", "is_given", "status"),
        "Three-valued missingness of every respondent and item of every form (off-path kept apart).",
    )
    out[folder / "int_populations.sql"] = union_over_forms(
        forms, "populations", (*KEYS, "population"), "Respondents per published-chart population, every form."
    )
    return out


def _latest(cbs: list[Codebook]) -> dict[str, str]:
    """Item key → 問 number and label, from the latest edition that has the item."""
    found: dict[str, str] = {}
    for cb in cbs:
        for item in cb.items:
            found[item.key] = f"{item.question} {item.label}".strip()
    return found


def _skip_logic_columns(cbs: list[Codebook], keys: list[str], labels: dict[str, str]) -> list[dict[str, str]]:
    """The columns of ``int_<form>__skip_logic`` besides the keys, described."""
    ruled = {item.key for cb in cbs for item in cb.items if item.relevant is not None}
    out = [{"name": key, "description": f"{labels[key]} (as written)"} for key in keys]
    out += [{"name": f"{key}__is_given", "description": f"記入あり: {labels[key]}"} for key in keys]
    for key in keys:
        if key in ruled:
            out.append({"name": f"{key}__is_relevant", "description": f"回答対象 (by its skip rule): {labels[key]}"})
            out.append({"name": f"{key}__effective", "description": f"{labels[key]}, NULL where it does not apply"})
    return out


def models_yaml(form: str, cbs: list[Codebook]) -> str:
    label = cbs[-1].form_label
    config = {"meta": {"forms": [form]}, "tags": [f"form_{form}"]}
    keys = [{"name": key, "description": f'{{{{ doc("{key}") }}}}'} for key in KEYS]
    respondent = {"name": "respondent_key", "description": '{{ doc("respondent_key") }}', "data_tests": ["not_null"]}
    unique = [{"unique": {"column_name": "fiscal_year || ':' || respondent_key"}}]
    labels = _latest(cbs)
    item_keys = [key for key, _ in _items(cbs)]
    checks: dict[str, str] = {}
    for cb in cbs:
        for check in Compiler(cb).checks():
            checks[check.column] = check.message
    models = [
        {
            "name": f"int_{form}__respondent_answers",
            "description": f"{label}の回答 (wide). Grain: one row per return; one column per item of any edition "
            "(option code, number, text, or the list of ticked codes), as written: the skip logic is applied in "
            f"int_{form}__skip_logic.",
            "config": config,
            "data_tests": unique,
            "columns": [
                *(respondent if k["name"] == "respondent_key" else k for k in keys),
                *({"name": key, "description": labels[key]} for key in item_keys),
                {"name": "answer_cells", "description": "回答セル数. Answered cells of the return."},
            ],
        },
        {
            "name": f"int_{form}__skip_logic",
            "description": f"{label}の回答対象. Grain: one row per return; each answer as written, and for each item "
            "with a skip rule <item>__is_relevant (the rule holds on the answers as they count) and "
            "<item>__effective (the answer, NULL where the item does not apply), after the items the rule reads.",
            "config": config,
            "columns": [*keys, *_skip_logic_columns(cbs, item_keys, labels)],
        },
        {
            "name": f"int_{form}__item_status",
            "description": f"{label}の回答状況. Grain as int_item_status, for this form.",
            "config": config,
            "columns": [
                *keys,
                {"name": "item_key", "description": '{{ doc("item_key") }}'},
                {
                    "name": "is_relevant",
                    "description": "回答対象. The item's skip rule holds on the answers as they count.",
                },
                {"name": "is_given", "description": "記入あり. The return holds an answer for the item."},
                {"name": "status", "description": '{{ doc("item_status") }}'},
            ],
        },
        {
            "name": f"int_{form}__rule_checks",
            "description": f"{label}のチェック表 (rule checks). Grain: one row per return; one boolean column per rule "
            "of the codebook, named <item_key>__<rule> (relevant: not asked ⇒ no answer; required: asked ⇒ "
            "answered; constraint ids): TRUE holds, FALSE broken, NULL not applicable. Validated by the gate.",
            "config": config,
            "data_tests": unique,
            "columns": [
                *(respondent if k["name"] == "respondent_key" else k for k in keys),
                *({"name": name, "description": message} for name, message in checks.items()),
            ],
        },
        {
            "name": f"int_{form}__populations",
            "description": f"{label}の集計対象. Grain as int_populations, for this form.",
            "config": config,
            "columns": [*keys, {"name": "population", "description": "集計対象の区分."}],
        },
    ]
    text = yaml.safe_dump({"version": 2, "models": models}, allow_unicode=True, sort_keys=False, width=120)
    return "# " + HEADER[3:] + text


def stale(folder: Path = FOLDER, expected: dict[Path, str] | None = None) -> list[Path]:
    """Generated files that differ from ``expected`` (what the codebooks give now), or are missing, or are
    left over."""
    expected = files(folder) if expected is None else expected
    found = {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()
    differ = [p for p, text in expected.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    return sorted(differ + [p for p in found - set(expected)])


def write(folder: Path = FOLDER) -> list[Path]:
    """Write every generated file (and remove left-over ones); the paths written."""
    expected = files(folder)
    changed = stale(folder, expected)
    for path in changed:
        if path in expected:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(expected[path], encoding="utf-8")
        else:
            path.unlink()
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.codebook.dbt_models", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when a file is out of date")
    args = parser.parse_args(argv)
    root = PROJECT_DIR.parent
    if args.check:
        differ = stale()
        for path in differ:
            print(f"out of date: {path.relative_to(root)}", file=sys.stderr)
        if differ:
            print("run `python -m warehouse.codebook.dbt_models` and commit the files", file=sys.stderr)
        return 1 if differ else 0
    for path in write():
        print(f"wrote {path.relative_to(root)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
