"""Returns written by hand, loaded straight into the raw schema as the ingest would store them."""

from __future__ import annotations

from pathlib import Path

from tests.direct_load import load_directly
from warehouse.codebook import load_edition
from warehouse.reference.local_governments import load, load_on
from warehouse.sample.generate import Sample
from warehouse.sample.population import Respondent


def load_hand_returns(db: Path, edition: int, form: str, returns: dict[str, dict[str, object]]) -> None:
    """``returns``: 5-digit municipality code (as in force on the edition's reference date) → answers by
    item key (the F1 code is filled in)."""
    cb = load_edition(edition)[form]
    registry = load_on(cb.reference_date) if cb.reference_date else load()
    code_item = next(i.key for i in cb.items if i.type == "code")
    respondents, answers = {}, {}
    for code, given in returns.items():
        municipality = registry.municipalities[code]
        rid = f"{edition}:{form}:{code}"
        respondents[rid] = Respondent(
            rid, form, code, municipality.code6, municipality.prefecture_code, municipality.name
        )
        answers[rid] = {code_item: code, **given}
    load_directly(db, Sample(edition, answers, respondents))
