"""A profile per municipality: its scenes, initiatives, council and coordinator beside the shares among
municipalities of its population band, its prefecture and the nation, and its history across editions.

The population band comes from the reference data (``marts.dim_municipality_population``, the latest census
on or before the edition's reference date); a municipality the census source does not cover has none, and
its profile says so and compares with the prefecture and the nation only.
"""

from __future__ import annotations

from html import escape

from warehouse.site import compare, page
from warehouse.site.data import SiteData
from warehouse.site.writer import SiteWriter

NO_BAND = "人口規模区分：参照データの国勢調査にこの市町村の人口がないため、同規模の市町村との比較は表示していません。"


def has_profile(data: SiteData, m: dict) -> bool:
    """Whether the file holds anything of the municipality its reader may read: a return of any edition, or hubs
    serving it."""
    code = m["municipality_code"]
    return (
        code in data.own or code in data.history or m["municipality_id"] in data.item_timeline or code in data.hub_links
    )


def write(data: SiteData, writer: SiteWriter, municipalities: slice = slice(None)) -> None:
    """The profiles of ``data.municipalities[municipalities]`` (all by default)."""
    scenes = compare.scene_keys(data)
    others = compare.other_keys()
    scopes = compare.initiative_scopes(data)
    prefecture_names = dict(data.prefectures)
    for m in data.municipalities[municipalities]:
        code = m["municipality_code"]
        if not has_profile(data, m):
            continue  # no return in any edition of the file: the prefecture's list says so
        own = data.own.get(code)
        band = m.get(data.band_column) if data.band_column else None
        series: list[compare.Series] = []
        if band is not None:
            series.append((f"同規模（{band}）", data.shares.band.get(str(band), {})))
        prefecture = prefecture_names.get(m["prefecture_code"], m["prefecture_code"])
        series += [(prefecture, data.shares.prefecture.get(m["prefecture_code"], {})), ("全国", data.shares.nation)]

        def block(
            anchor: str,
            caption: str,
            keys: list,
            extra: list | None = None,
            code: str = code,
            series: list = series,
            own: dict | None = own,
        ) -> str:
            return compare.block(
                writer,
                f"municipality/csv/{code}-{anchor}.csv",
                f"csv/{code}-{anchor}.csv",
                anchor,
                caption,
                keys,
                series,
                own or {},
                extra or [],
            )

        kind = "政令指定都市" if m.get("is_designated_city") else "特別区" if m.get("is_special_ward") else ""
        parts = [
            f"<p>{escape(prefecture)}　全国地方公共団体コード {code}{'　' + kind if kind else ''}"
            f'　<a href="../prefecture/{m["prefecture_code"]}.html">{escape(prefecture)}のページ</a></p>'
        ]
        if band is None:
            parts.append(f'<p class="missing">{escape(NO_BAND)}</p>')
        if own is None:
            parts.append(f'<p class="missing">{data.edition_label}の市町村調査票は公表ファイルにありません。</p>')
        else:
            parts.append("<h2>場面ごとの取り組み</h2>")
            parts.append(block("scenes", "場面ごとの取り組み（右端は当該市町村の回答）", scenes))
            parts.append("<h2>関連づけた取り組み：実施と課題</h2>")
            for scenario, label, initiatives in scopes:
                if not data.scenarios[scenario][2]:
                    continue  # the four scenes; the prefecture page has the others
                done = [((scenario, f"done:{k}"), data.initiatives.get(k, (k, 0))[0]) for k in initiatives]
                challenge = [((scenario, f"challenge:{k}"), data.initiatives.get(k, (k, 0))[0]) for k in initiatives]
                parts.append(block(f"initiatives-{scenario}", f"{label}：取り組みの実施", done, [("課題", challenge)]))
            parts.append("<h2>協議会とコーディネーター</h2>")
            parts.append(block("council-coordinator", "協議会の設置とコーディネーター", others))
        parts.append(_history(data, code))
        parts.append(_items(data, m["municipality_id"]))
        parts.append(_codes(data, m["municipality_id"]))
        parts.append(_hubs(data, code))
        title = f"{m['municipality_name']}（{prefecture}）{data.edition_label}"
        crumbs = [
            (prefecture, f"prefecture/{m['prefecture_code']}.html"),
            (m["municipality_name"], f"municipality/{code}.html"),
        ]
        writer.write(f"municipality/{code}.html", page.frame(title, "".join(parts), 1, crumbs, data.about()))


def _history(data: SiteData, code: str) -> str:
    rows = data.history.get(code, [])
    years = sorted({year for year, _, _ in rows})
    if not years:
        return ""
    if len(years) == 1:
        return (
            '<h2>版をまたいだ推移</h2><p class="note">公表ファイルにあるこの市町村の記録は'
            f"{data.label_of(years[0])}のみです。</p>"
        )
    by = {(year, scenario): engaged for year, scenario, engaged in rows}
    scenarios = sorted({s for _, s, _ in rows}, key=lambda s: data.scenarios.get(s, ("", 99))[1])
    table_rows = [
        [data.scenarios.get(s, (s,))[0]]
        + ["はい" if by.get((y, s)) else "いいえ" if (y, s) in by else "—" for y in years]
        for s in scenarios
    ]
    return "<h2>版をまたいだ推移（取り組んでいる場面）</h2>" + page.table(["場面", *map(str, years)], table_rows)


#: How a 事業項目's change since the municipality's previous edition is said beside its status.
TRANSITIONS = {"added": "（新たに実施）", "dropped": "（実施をやめた）"}


def _items(data: SiteData, municipality: str) -> str:
    """Its 事業項目 (ア)〜(ク) in each edition of the 8-item survey, as answered, with what changed."""
    rows = data.item_timeline.get(municipality, [])
    if not rows:
        return ""
    years = sorted({year for year, *_ in rows})
    cells = {(year, item): f"{status or '未回答'}{TRANSITIONS.get(change, '')}" for year, item, status, change in rows}
    items = sorted({item for _, item, _, _ in rows})
    table = page.table(
        ["事業項目", *(data.label_of(y) for y in years)],
        [[data.item_label(item), *(cells.get((y, item), "—") for y in years)] for item in items],
    )
    return (
        "<h2>事業項目の推移（実施状況調査）</h2>"
        '<p class="note">各年度の回答。（新たに実施）（実施をやめた）は前回の回答との違い。</p>' + table
    )


def _codes(data: SiteData, municipality: str) -> str:
    """Its codes and names since 2014, where it changed (a town that became a city keeps its history)."""
    periods = data.code_history.get(municipality, [])
    if len(periods) <= 1:
        return ""
    rows = [
        (code, name, str(start) if start else "—", str(end) if end else "（現行）", change or "")
        for code, name, start, end, change in periods
    ]
    return "<h2>コードと名称の履歴</h2>" + page.table(("コード", "名称", "適用開始", "適用終了", "変更"), rows)


def _hubs(data: SiteData, code: str) -> str:
    """The hubs (在宅医療に必要な連携を担う拠点) serving it, beside its own answer on the linkage (問14)."""
    links = data.hub_links.get(code, [])
    if not links:
        return ""
    rows = [
        (
            link["hub_name"],
            link["hub_operator_label"],
            "はい" if link["hub_is_programme_operator"] else "いいえ",
            link["linkage_label"] or "未回答",
            "市町村の拠点があるのに連携なしと回答" if link["is_unlinked_despite_municipal_hub"] else "",
        )
        for link in links
    ]
    year = links[0]["municipal_fiscal_year"]
    answered = (
        f"市町村の回答は{data.label_of(year)}の市町村調査票 問14（拠点との連携）。"
        if year is not None
        else "この市町村の市町村調査票（問14 拠点との連携）の回答は公表ファイルにありません。"
    )
    return (
        f"<h2>この市町村を担当する拠点（{data.label_of(links[0]['hub_fiscal_year'])}の拠点調査）</h2>"
        f'<p class="note">{answered}</p>'
        + page.table(("拠点", "運営主体", "事業の実施主体と同一", "市町村の回答（問14）", "注"), rows)
    )
