"""The per-form dbt models committed under ``dbt_project/models/intermediate/forms/`` are what the codebooks
give now, laid out without changing what they say."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from warehouse.codebook import dbt_models
from warehouse.codebook import expressions as ex
from warehouse.codebook.dbt_models import FOLDER, books, files, stale
from warehouse.codebook.sql import Compiler
from warehouse.codebook.sql_layout import WIDTH, lines


def _squeezed(text: str) -> str:
    """``text`` without whitespace outside quotes: what a layout may not change."""
    out, quote = [], ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char.isspace():
            continue
        out.append(char)
    return "".join(out)


def test_the_committed_models_are_the_codebooks_of_today() -> None:
    assert stale() == [], "run `python -m warehouse.codebook.dbt_models` and commit what it writes"


def test_a_changed_rule_makes_the_committed_models_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    forms = books()
    cb = forms["municipality"][-1]
    item = next(i for i in cb.items if i.relevant is not None)
    changed = dataclasses.replace(item, relevant=ex.parse("${q1_implementation_structure} = 2"))
    items = tuple(changed if i is item else i for i in cb.items)
    forms["municipality"] = [*forms["municipality"][:-1], dataclasses.replace(cb, items=items)]
    monkeypatch.setattr(dbt_models, "books", lambda: forms)
    found = stale()
    assert FOLDER / "municipality" / "int_municipality__skip_logic.sql" in found
    assert all(p.parent.name == "municipality" for p in found)


def test_every_form_has_its_models_declared_with_its_form() -> None:
    written = files()
    for form in books():
        declared = yaml.safe_load(written[FOLDER / form / f"_{form}__models.yml"])["models"]
        names = {m["name"] for m in declared}
        sql = {p.stem for p in written if p.parent.name == form and p.suffix == ".sql"}
        assert names == sql
        assert all(m["config"]["meta"]["forms"] == [form] for m in declared)
        assert all(m["config"]["tags"] == [f"form_{form}"] for m in declared)


def test_the_layout_changes_only_whitespace_and_keeps_lines_short() -> None:
    checked = 0
    for cbs in books().values():
        for cb in cbs:
            compiler = Compiler(cb)
            for sql in [c.sql for c in compiler.checks()] + [sql for _, sql in compiler.skip_logic()]:
                laid = lines(sql, 8)
                assert _squeezed("\n".join(laid)) == _squeezed(sql)
                checked += 1
    assert checked > 1_000
    for path, text in files().items():
        if path.suffix != ".sql":
            continue
        long = [n for n, line in enumerate(text.splitlines(), 1) if len(line) > WIDTH]
        assert not long, f"{path.name}: lines {long[:5]} are longer than {WIDTH}"


def test_a_long_condition_is_broken_at_its_outermost_or_then_and() -> None:
    a, b, c = ("x_" + "a" * 50, "y_" + "b" * 50, "z_" + "c" * 50)
    laid = lines(f"coalesce({a} = 1, false) or (coalesce({b} = 2, false) and coalesce({c} = 3, false))", 4)
    assert laid == [
        f"    coalesce({a} = 1, false)",
        "    or (",
        f"        coalesce({b} = 2, false)",
        f"        and coalesce({c} = 3, false)",
        "    )",
    ]
    assert lines("'a or b and c'", 0, width=5) == ["'a or b and c'"], "nothing inside quotes is broken"
