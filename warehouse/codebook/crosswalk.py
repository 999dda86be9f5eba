"""The crosswalk from the eight 事業項目 (ア)〜(ク) of the 平成 surveys to the 令和 scheme, kept as data
beside the codebooks (``editions/crosswalk_program_items.yaml``) so that an analyst can put a
municipality's legacy items beside its 2023 scenes, initiatives and coordinator."""

from __future__ import annotations

from pathlib import Path

from warehouse.codebook.model import EDITIONS_DIR, CodebookError
from warehouse.yaml_files import read_yaml

PATH = EDITIONS_DIR / "crosswalk_program_items.yaml"
PROGRAM_ITEMS = tuple("abcdefgh")
PHASES = ("plan", "do", "check", "act", None)
ACTORS = ("municipality", "prefecture")


def load(path: Path = PATH) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """One row per program item, and one per (program item, nearest 2023 initiative)."""
    raw = read_yaml(path)
    items, initiatives = [], []
    for entry in raw["items"]:
        key = entry.get("program_item")
        where = f"{path.name}: program_item {key!r}"
        if key not in PROGRAM_ITEMS:
            raise CodebookError(f"{where}: not one of {', '.join(PROGRAM_ITEMS)}")
        if entry.get("pdca_phase") not in PHASES or entry.get("actor") not in ACTORS:
            raise CodebookError(f"{where}: pdca_phase must be one of {PHASES[:-1]} or null, actor one of {ACTORS}")
        if not entry.get("evidence"):
            raise CodebookError(f"{where}: no evidence")
        items.append(
            {
                "program_item": key,
                "code_label": entry["code_label"],
                "program_item_label": entry["label"],
                "pdca_phase": entry.get("pdca_phase"),
                "actor": entry["actor"],
                "is_coordinator_related": bool(entry.get("coordinator", False)),
                "evidence": entry["evidence"],
            }
        )
        initiatives.extend(
            {"program_item": key, "initiative_key": initiative, "ordinal": i}
            for i, initiative in enumerate(entry.get("initiatives") or [], start=1)
        )
    if sorted(i["program_item"] for i in items) != list(PROGRAM_ITEMS):
        raise CodebookError(f"{path.name}: needs each of {', '.join(PROGRAM_ITEMS)} exactly once")
    return items, initiatives
