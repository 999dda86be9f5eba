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


def write(data: SiteData, writer: SiteWriter, municipalities: slice = slice(None)) -> None:
    """The profiles of ``data.municipalities[municipalities]`` (all by default)."""
    scenes = compare.scene_keys(data)
    others = compare.other_keys()
    scopes = compare.initiative_scopes(data)
    prefecture_names = dict(data.prefectures)
    for m in data.municipalities[municipalities]:
        code = m["municipality_code"]
        own = data.own.get(code)
        if own is None and code not in data.history:
            continue  # no return in any edition of the file: the prefecture's list says so
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
        title = f"{m['municipality_name']}（{prefecture}）{data.edition_label}"
        crumbs = [
            (prefecture, f"prefecture/{m['prefecture_code']}.html"),
            (m["municipality_name"], f"municipality/{code}.html"),
        ]
        writer.write(f"municipality/{code}.html", page.frame(title, "".join(parts), 1, crumbs))


def _history(data: SiteData, code: str) -> str:
    rows = data.history.get(code, [])
    years = sorted({year for year, _, _ in rows})
    if len(years) <= 1:
        return (
            '<h2>版をまたいだ推移</h2><p class="note">公表ファイルにあるこの市町村の記録は'
            f"{'・'.join(str(y) for y in years) or 'なし'}年度のみです。</p>"
        )
    by = {(year, scenario): engaged for year, scenario, engaged in rows}
    scenarios = sorted({s for _, s, _ in rows}, key=lambda s: data.scenarios.get(s, ("", 99))[1])
    table_rows = [
        [data.scenarios.get(s, (s,))[0]]
        + ["はい" if by.get((y, s)) else "いいえ" if (y, s) in by else "—" for y in years]
        for s in scenarios
    ]
    return "<h2>版をまたいだ推移（取り組んでいる場面）</h2>" + page.table(["場面", *map(str, years)], table_rows)
