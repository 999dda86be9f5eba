"""The quality page: the gate's latest result for the year (its rules with their severity and tolerance,
the findings by family and severity) and the link to Great Expectations' own Data Docs of that run."""

from __future__ import annotations

from collections import Counter
from html import escape

from warehouse.gate.config import family_label, severity_label
from warehouse.site import page
from warehouse.site.data import SiteData
from warehouse.site.writer import SiteWriter

RULE_HEADERS = ("規則", "調査票", "設問", "種類", "重大度", "許容（mostly）", "対象", "該当", "判定", "内容")


def write(data: SiteData, writer: SiteWriter, data_docs: str | None) -> None:
    run = data.gate_run
    parts = []
    if run is None:
        parts.append('<p class="missing">この年度の品質ゲートの記録が公表ファイルにありません。</p>')
    else:
        verdict = "合格（公開）" if run["passed"] else "不合格"
        parts.append(
            page.table(
                ("ゲート実行", "終了", "判定", "規則", "許容外の規則", "ハード規則の不合格", "指摘", "新規", "解消"),
                [
                    (
                        run["run_id"],
                        str(run["finished_at"])[:19],
                        verdict,
                        run["rules"],
                        run["rules_failed"],
                        run["hard_failures"],
                        run["findings"],
                        run["findings_new"],
                        run["findings_cleared"],
                    )
                ],
            )
        )
    if data_docs:
        parts.append(f'<p><a href="{escape(data_docs)}">Great Expectations Data Docs（この検証の結果）</a></p>')
    else:
        parts.append('<p class="note">Great Expectations の Data Docs はこの公開とともに書かれていません。</p>')
    if data.shows("gate.findings"):
        whose = "" if data.reader.audience == "ministry" else f"（{data.reader.describe()}）"
        by_family = Counter((f["rule_family"], f["severity"]) for f in data.findings)
        rows = [
            (family_label(family), severity_label(severity), n) for (family, severity), n in sorted(by_family.items())
        ]
        parts.append(f"<h2>指摘：規則の種類と重大度別{escape(whose)}</h2>")
        parts.append(page.table(("規則の種類", "重大度", "件数"), rows) if rows else "<p>指摘はありません。</p>")
        by_form = Counter((f["form"], f["severity"]) for f in data.findings)
        form_rows = [(data.form_label(a), severity_label(b), n) for (a, b), n in sorted(by_form.items())]
        parts.append(f"<h2>指摘：調査票別{escape(whose)}</h2>")
        parts.append(page.table(("調査票", "重大度", "件数"), form_rows))
    else:
        parts.append(
            f'<p class="note">個々の指摘は回答者ごとの記録のため、このサイト（{escape(data.reader.describe())}）には'
            "載せていません。規則ごとの件数は下の表のとおり。</p>"
        )
    rules = [
        (
            r["rule"],
            data.form_label(r["form"]),
            r["question"],
            family_label(r["rule_family"]),
            severity_label(r["severity"]),
            float(r["mostly"]),
            r["applicable"],
            r["broken"],
            "○" if r["success"] else "×",
            r["message"],
        )
        for r in data.rule_results
    ]
    writer.write("quality/rules.csv", page.csv_text(RULE_HEADERS, rules))
    parts.append(
        f"<h2>規則（{len(rules):,}）</h2>"
        '<p class="note">許容（mostly）：規則を満たすべき回答の割合。ハード規則が許容を外れると公開されない。'
        ' <a href="rules.csv" download>CSV</a></p>'
    )
    parts.append(page.table(RULE_HEADERS, rules, ["diff" if not r["success"] else "" for r in data.rule_results]))
    title = f"品質ゲート（{data.edition_label}）"
    writer.write(
        "quality/index.html", page.frame(title, "".join(parts), 1, [("品質", "quality/index.html")], data.about())
    )
