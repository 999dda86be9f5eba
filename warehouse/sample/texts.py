"""Plausible Japanese free text for the sample returns: real municipality names where a question asks
for them, otherwise sentences in the register of the report's own examples."""

from __future__ import annotations

import random

from warehouse.codebook import Item
from warehouse.reference.local_governments import load as load_registry
from warehouse.sample.population import Respondent

OPENINGS = (
    "医師会と連携し、",
    "地域包括支援センターと協働して、",
    "在宅医療・介護連携支援センターを中心に、",
    "保健所の協力を得て、",
    "多職種連携研修会を通じて、",
    "入退院支援ルールの運用状況を踏まえ、",
    "ACP（人生会議）の普及啓発として、",
    "ICTを活用した情報共有ツールにより、",
)
ACTIONS = (
    "定期的に協議の場を設け、課題の共有と進捗管理を行っている。",
    "医療・介護関係者向けの研修会を年２回開催している。",
    "退院前カンファレンスの実施件数を評価指標として把握している。",
    "住民向け講演会を開催し、在宅での看取りについて周知している。",
    "相談窓口の対応事例を集約し、関係機関へフィードバックしている。",
    "急変時の連絡体制をフロー図にまとめ、関係機関に配布した。",
    "訪問看護事業所との連絡会を毎月開催している。",
    "地域ケア会議で把握した課題を協議会で検討している。",
)
CHALLENGES = (
    "医療職の参加が得られにくく、連携体制の構築に時間を要している。",
    "評価指標の設定方法が分からず、取り組みの効果を測定できていない。",
    "担当職員の異動が多く、ノウハウが蓄積されにくい。",
    "小規模自治体のため、単独での資源確保が難しい。",
    "コーディネーターの業務範囲が明確でなく、役割分担に課題がある。",
)
OTHER = ("地域の実情に応じた独自の取り組み", "近隣市町村との合同研修", "民生委員との連携", "介護予防事業との連動")


def free_text(item: Item, respondent: Respondent, rng: random.Random) -> str:
    """Text for one text item of one respondent."""
    if "市町村名" in item.label:
        munis = load_registry().municipalities_in(respondent.prefecture_code)
        return "、".join(m.name for m in rng.sample(munis, min(len(munis), rng.randint(1, 3))))
    if item.key.endswith("_other"):
        return rng.choice(OTHER)
    if "課題" in item.label or "課題" in (item.text or ""):
        return rng.choice(CHALLENGES) + rng.choice(("", "今後は広域での連携を検討したい。"))
    return rng.choice(OPENINGS) + rng.choice(ACTIONS)
