"""Which models an incremental build leaves out: those reading only forms and editions whose returns did not
change (read from dbt's manifest: parent_map and the forms or facts a model declares)."""

from __future__ import annotations

from typing import Any

from warehouse.transform.dbt import forms_read

UNITS = {("municipality", 2017), ("municipality", 2023), ("municipality_hub", 2023), ("coordinator", 2023)}
FACTS = {"program_item": {("municipality", 2017)}, "council": {("municipality", 2023), ("coordinator", 2023)}}


def _manifest(parents: dict[str, list[str]], meta: dict[str, dict[str, list[str]]]) -> dict[str, Any]:
    nodes = {
        f"model.p.{name}": {"resource_type": "model", "name": name, "config": {"meta": meta.get(name, {})}}
        for name in parents
    }

    def uid(name: str) -> str:
        return name if name.startswith("source.") else f"model.p.{name}"

    return {
        "nodes": nodes,
        "sources": {
            "source.p.raw.answers": {"source_name": "raw"},
            "source.p.codebook.items": {"source_name": "codebook"},
        },
        "parent_map": {uid(name): [uid(p) for p in ps] for name, ps in parents.items()},
    }


MANIFEST = _manifest(
    {
        "stg_answers": ["source.p.raw.answers"],
        "dim_question": ["source.p.codebook.items"],  # lookups only: no returns
        "int_municipality__status": ["stg_answers"],
        "int_municipality_hub__status": ["stg_answers"],
        "int_coordinator__status": ["stg_answers"],
        "int_coordinator__undeclared": ["stg_answers"],  # named like a per-form model, declares nothing
        "int_item_status": ["int_municipality__status", "int_municipality_hub__status", "int_coordinator__status"],
        "fct_coordinator_only": ["int_coordinator__status"],
        "fct_both": ["int_municipality__status", "int_coordinator__status"],
        "fct_program_items": ["int_item_status", "source.p.codebook.items"],
        "fct_council": ["int_item_status"],
        "dim_coordinator": ["stg_answers"],
        "agg_program_items": ["fct_program_items"],
        "rpt_mixed": ["fct_program_items", "stg_answers"],
    },
    {
        "fct_program_items": {"facts": ["program_item"]},
        "fct_council": {"facts": ["council"]},
        "dim_coordinator": {"forms": ["coordinator"]},
        "int_municipality__status": {"forms": ["municipality"]},
        "int_municipality_hub__status": {"forms": ["municipality_hub"]},
        "int_coordinator__status": {"forms": ["coordinator"]},
    },
)


def test_models_are_attributed_to_the_forms_and_editions_they_read() -> None:
    reads = forms_read(MANIFEST, UNITS, FACTS)
    assert reads["stg_answers"] == UNITS, "what reads the returns themselves reads every form and edition"
    assert reads["dim_question"] == set()
    assert reads["int_municipality__status"] == {("municipality", 2017), ("municipality", 2023)}
    assert reads["int_municipality_hub__status"] == {("municipality_hub", 2023)}
    assert reads["int_coordinator__undeclared"] == UNITS, "a name says nothing: only the declaration does"
    assert reads["int_item_status"] == UNITS, "a model reading every per-form model reads every form"
    assert reads["fct_both"] == {("municipality", 2017), ("municipality", 2023), ("coordinator", 2023)}
    assert reads["fct_program_items"] == {("municipality", 2017)}, "a declared fact: the editions tagging it"
    assert reads["fct_council"] == {("municipality", 2023), ("coordinator", 2023)}
    assert reads["dim_coordinator"] == {("coordinator", 2023)}, "declared forms, every edition of them"
    assert reads["agg_program_items"] == {("municipality", 2017)}, "undeclared: what its parents read"
    assert reads["rpt_mixed"] == UNITS, "a parent reading every form makes the model read every form"


def test_a_return_of_one_edition_leaves_out_the_models_of_the_other_forms_and_editions() -> None:
    reads = forms_read(MANIFEST, UNITS, FACTS)
    left_out = sorted(name for name, units in reads.items() if not units & {("municipality", 2023)})
    assert left_out == [
        "agg_program_items",
        "dim_coordinator",
        "dim_question",
        "fct_coordinator_only",
        "fct_program_items",
        "int_coordinator__status",
        "int_municipality_hub__status",
    ]
