"""The printed χ² tests of the report's 参考資料: municipalities with and without a coordinator (問13)
against each scene's 関連づけた取り組み, one printed p-value per scene × initiative.

The report prints only the p-values (``<.001`` or three decimals): no shares, χ², df or n. Pearson's
χ² of the 2×2 table without Yates's continuity correction is the definition that reproduces them (see
``docs/site.md``); ``p_value`` computes it as the report table does.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass

from warehouse.codebook.model import EDITIONS_DIR, load_edition

PATTERN = "*_coordinator_presence_pvalues.csv"
PRESENCE_QUESTION = "問13"  # 市町村コーディネーターの配置: 1 いる, 2 いない, 3 わからない
PRESENT, ABSENT = 1, 2


@dataclass(frozen=True)
class PresenceTest:
    edition: int
    question_id: str
    item_key: str
    scenario_key: str
    option_code: int
    option_label_printed: str
    p_printed: str


def load(edition: int) -> list[PresenceTest]:
    """The printed tests of an edition (none when its ``published/`` folder holds no such file)."""
    folder = EDITIONS_DIR / str(edition) / "published"
    municipality = load_edition(edition).get("municipality")
    if municipality is None:
        return []
    items = {i.question: i for i in municipality.items if i.type == "multiple"}
    out = []
    for path in sorted(folder.glob(PATTERN)):
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                item = items[row["municipal_question_id"]]
                out.append(
                    PresenceTest(
                        edition, row["municipal_question_id"], item.key, str(item.tags.get("scenario")),
                        int(row["option_no"]), row["option_label_as_printed"], row["p_value_as_printed"],
                    )
                )  # fmt: skip
    return out


def chi_square(with_done: int, with_n: int, without_done: int, without_n: int, yates: bool = False) -> float:
    """Pearson's χ² of the 2×2 table (with / without a coordinator × done / not done)."""
    a, b, c, d = with_done, with_n - with_done, without_done, without_n - without_done
    n = a + b + c + d
    margins = (a + b) * (c + d) * (a + c) * (b + d)
    if not margins:
        return 0.0
    diff = abs(a * d - b * c)
    if yates:
        diff = max(0.0, diff - n / 2)
    return n * diff * diff / margins


def p_value(chi2: float) -> float:
    """The upper tail of χ² with one degree of freedom."""
    return math.erfc(math.sqrt(chi2 / 2))


def formatted(p: float) -> str:
    """As the report prints it: ``<.001``, or three decimals."""
    return "<.001" if p < 0.001 else f"{p:.3f}"


def prints_as(p: float, printed: str) -> bool:
    """Whether ``p`` prints as ``printed`` (the CSV drops trailing zeros: 0.2 is 0.200)."""
    return formatted(p) == (printed if printed.startswith("<") else f"{float(printed):.3f}")
