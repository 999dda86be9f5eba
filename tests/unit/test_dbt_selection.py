"""Which models an incremental build leaves out: those built only from the per-form models of forms whose
returns did not change (read from dbt's manifest: parent_map and model names)."""

from __future__ import annotations

from typing import Any

from warehouse.transform.dbt import per_form_models


def _manifest(parents: dict[str, list[str]]) -> dict[str, Any]:
    nodes = {f"model.p.{name}": {"resource_type": "model", "name": name} for name in parents}
    return {
        "nodes": nodes,
        "parent_map": {f"model.p.{name}": [f"model.p.{p}" for p in ps] for name, ps in parents.items()},
    }


MANIFEST = _manifest(
    {
        "stg_answers": [],
        "int_municipality__status": ["stg_answers"],
        "int_municipality_hub__status": ["stg_answers"],  # a form whose name starts like another's
        "int_coordinator__status": ["stg_answers"],
        "fct_coordinator_only": ["int_coordinator__status"],
        "fct_both": ["int_municipality__status", "int_coordinator__status"],
        "dim_shared": ["stg_answers"],
    }
)


def test_models_are_attributed_to_the_forms_they_are_built_from() -> None:
    forms = per_form_models(MANIFEST, ["municipality", "coordinator", "municipality_hub"])
    assert forms == {
        "int_municipality__status": {"municipality"},
        "int_municipality_hub__status": {"municipality_hub"},
        "int_coordinator__status": {"coordinator"},
        "fct_coordinator_only": {"coordinator"},
        "fct_both": {"municipality", "coordinator"},
    }, "staging and shared models belong to no form: always built"


def test_a_change_of_one_form_leaves_out_the_models_of_the_others_only() -> None:
    forms = per_form_models(MANIFEST, ["municipality", "coordinator", "municipality_hub"])
    left_out = sorted(name for name, reads in forms.items() if not reads & {"municipality"})
    assert left_out == ["fct_coordinator_only", "int_coordinator__status", "int_municipality_hub__status"]
