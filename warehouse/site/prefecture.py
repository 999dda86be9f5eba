"""A page per prefecture: its own answers, its municipalities against the nation per scene, initiative,
council and coordinator, the list of its municipalities, and its cleaning-log summary for the year. The
answers, the list and the findings are shown only to a reader who may read that prefecture's rows; the shares
are counts, shown to every reader."""

from __future__ import annotations

from collections import Counter
from html import escape

from warehouse.gate.config import family_label, severity_label
from warehouse.site import compare, page
from warehouse.site.data import OWN, SiteData
from warehouse.site.writer import SiteWriter


def write(data: SiteData, writer: SiteWriter) -> None:
    scenes = compare.scene_keys(data)
    others = compare.other_keys()
    scopes = compare.initiative_scopes(data)
    by_prefecture: dict[str, list[dict]] = {}
    for municipality in data.municipalities:
        by_prefecture.setdefault(municipality["prefecture_code"], []).append(municipality)
    findings = Counter((f["prefecture_code"], f["form"], f["rule_family"], f["severity"]) for f in data.findings)
    for code, name in data.prefectures:
        series = [("都道府県内の市町村", data.shares.prefecture.get(code, {})), ("全国", data.shares.nation)]

        def block(
            anchor: str, caption: str, keys: list, extra: list | None = None, code: str = code, series: list = series
        ) -> str:
            return compare.block(
                writer,
                f"prefecture/csv/{code}-{anchor}.csv",
                f"csv/{code}-{anchor}.csv",
                anchor,
                caption,
                keys,
                series,
                None,
                extra or [],
            )

        parts = ["<h2>都道府県の回答（都道府県調査票）</h2>"]
        answers = data.prefecture_answers.get(code, [])
        if not data.shows("provenance.answers", code):
            parts.append(not_shown(data))
        elif answers:
            parts.append(page.table(("設問", "項目", "回答"), answers))
        else:
            parts.append('<p class="missing">この都道府県の調査票は公表ファイルにありません。</p>')
        parts.append("<h2>市町村の取り組み：場面ごと（全国との比較）</h2>")
        parts.append(block("scenes", f"{name}の市町村と全国：場面ごとの取り組み", scenes))
        parts.append("<h2>関連づけた取り組み：実施と課題（全国との比較）</h2>")
        for scenario, label, initiatives in scopes:
            done = [((scenario, f"done:{k}"), data.initiatives.get(k, (k, 0))[0]) for k in initiatives]
            challenge = [((scenario, f"challenge:{k}"), data.initiatives.get(k, (k, 0))[0]) for k in initiatives]
            parts.append(block(f"initiatives-{scenario}", f"{label}：取り組みの実施", done, [("課題", challenge)]))
        parts.append("<h2>協議会とコーディネーター</h2>")
        parts.append(block("council-coordinator", "協議会の設置とコーディネーター", others))
        parts.append(_municipality_list(data, code, by_prefecture.get(code, [])))
        parts.append(_movement(data, code))
        parts.append(_cleaning_log(data, code, findings))
        title = f"{name}（{data.edition_label}）"
        writer.write(
            f"prefecture/{code}.html",
            page.frame(title, "".join(parts), 1, [(name, f"prefecture/{code}.html")], data.about()),
        )


def not_shown(data: SiteData) -> str:
    """What a section says in place of answers its reader may not read."""
    return f'<p class="note">このサイト（{escape(data.reader.describe())}）には個々の回答を載せていません。</p>'


def _municipality_list(data: SiteData, code: str, municipalities: list[dict]) -> str:
    if not data.shows(OWN, code):
        return "<h2>市町村の一覧</h2>" + not_shown(data)
    rows = []
    scenes = [key for key, (_, _, is_scene) in sorted(data.scenarios.items(), key=lambda s: s[1][1]) if is_scene]
    for m in municipalities:
        own = data.own.get(m["municipality_code"], {})
        engaged = sum(1 for s in scenes if own.get((s, "engaged"), (None, ""))[0])
        name = escape(m["municipality_name"])
        if not own and m["municipality_code"] not in data.history:
            rows.append(f'<tr><td>{name}</td><td colspan="3">調査票の提出なし</td></tr>')
            continue
        rows.append(
            f'<tr><td><a href="../municipality/{m["municipality_code"]}.html">{name}</a></td>'
            f'<td class="num">{engaged} / {len(scenes)}</td>'
            f"<td>{compare.answer(*own.get(('council', 'established'), (None, None)))}</td>"
            f"<td>{compare.answer(*own.get(('coordinator', 'present'), (None, None)))}</td></tr>"
        )
    return (
        "<h2>市町村の一覧</h2><table><thead><tr><th>市町村</th><th>取り組む場面（4場面）</th><th>協議会</th>"
        f"<th>コーディネーター</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


PANEL = "marts.fct_municipality_panel"


def _movement(data: SiteData, code: str) -> str:
    """Its municipalities' 事業項目 between the editions of the 8-item survey: how many each implemented, and
    which it added and dropped since its previous edition."""
    rows = data.panel.get(code, [])
    heading = "<h2>市町村の事業項目の推移（実施状況調査）</h2>"
    if not data.shows(PANEL, code):
        return heading + not_shown(data)
    if not rows:
        return ""
    years = sorted({r["fiscal_year"] for r in rows})
    label = {item: mark for item, (mark, _) in data.program_items.items()}  # （ア）

    def cell(row: dict | None) -> str:
        if row is None:
            return "—"
        added = "".join(label.get(i, i) for i in row["items_added"] or [])
        dropped = "".join(label.get(i, i) for i in row["items_dropped"] or [])
        change = (f"　＋{added}" if added else "") + (f"　－{dropped}" if dropped else "")
        return f"{row['items_implemented']}項目{change}"

    by_municipality: dict[str, dict[int, dict]] = {}
    names: dict[str, str] = {}
    for row in rows:
        by_municipality.setdefault(row["municipality_id"], {})[row["fiscal_year"]] = row
        names[row["municipality_id"]] = row["municipality_name"] or row["municipality_code"]
    table = page.table(
        ["市町村", *(data.label_of(y) for y in years)],
        [[names[m], *(cell(editions.get(y)) for y in years)] for m, editions in by_municipality.items()],
    )
    note = "実施している事業項目の数。＋は前回から新たに実施、－は実施をやめた項目。"
    return f'{heading}<p class="note">{note}</p>{table}'


def _cleaning_log(data: SiteData, code: str, findings: Counter) -> str:
    if not data.shows("gate.findings", code):
        return "<h2>疑義照会（クリーニングログ）の概要</h2>" + not_shown(data)
    rows = [
        (data.form_label(form), family_label(family), severity_label(severity), count)
        for (pref, form, family, severity), count in sorted(findings.items())
        if pref == code
    ]
    if not rows:
        return "<h2>疑義照会（クリーニングログ）の概要</h2><p>この年度の指摘はありません。</p>"
    total = sum(r[3] for r in rows)
    return (
        f"<h2>疑義照会（クリーニングログ）の概要</h2><p>この年度の指摘 {total:,} 件（調査票・規則の種類・重大度別）。"
        "詳細は都道府県ごとの疑義照会ワークブックを参照。</p>"
        + page.table(("調査票", "規則の種類", "重大度", "件数"), rows)
    )
