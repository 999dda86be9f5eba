"""The coordinator analysis of the report's 参考資料: for each scene × initiative, the share of
municipalities doing it with and without a coordinator, with Pearson's χ² test, as
``report.rpt_coordinator_initiatives`` rebuilds it beside the printed p-value."""

from __future__ import annotations

import duckdb

from warehouse.site import page, svg
from warehouse.site.data import SiteData
from warehouse.site.writer import SiteWriter

TABLE = "report.rpt_coordinator_initiatives"
HEADERS = (
    "場面",
    "取組",
    "いる：n",
    "いる：実施",
    "いる（%）",
    "いない：n",
    "いない：実施",
    "いない（%）",
    "χ²",
    "p値",
    "p値（表示）",
    "印刷 p値",
    "一致",
)


def rows(con: duckdb.DuckDBPyConnection, year: int) -> list[tuple] | None:
    """The analysis of ``year`` as ``con`` holds it (None without the table)."""
    exists = con.execute(
        "select count(*) from duckdb_tables() "
        "where schema_name = 'report' and table_name = 'rpt_coordinator_initiatives'"
    ).fetchone()
    if not exists or not exists[0]:
        return None
    return con.execute(
        f"""
            select scenario_label, option_code, initiative_label, with_n, with_done, with_percent, without_n,
                without_done, without_percent, chi_square, p_value, p_value_formatted, p_value_printed,
                p_value_matches
            from {TABLE} where fiscal_year = ? order by scenario_order, option_code
            """,
        [year],
    ).fetchall()


def write(data: SiteData, writer: SiteWriter, rows: list[tuple] | None) -> bool:
    if not rows:
        return False
    parts = [
        '<p class="note">自治体（市町村調査票）にコーディネーターが「いる」市町村と「いない」市町村で、各場面の取組を'
        "実施している割合を比べ、ピアソンの χ² 検定（2×2、自由度1、連続性補正なし）の p 値を報告書の参考資料の"
        "印刷値と並べたもの。</p>"
    ]
    for scene, group in _by_scene(rows):
        table_rows = [
            (
                scene,
                f"{r[1]}.{r[2]}",
                r[3],
                r[4],
                _f(r[5]),
                r[6],
                r[7],
                _f(r[8]),
                round(float(r[9]), 3),
                float(r[10]),
                r[11],
                r[12],
                "○" if r[13] else ("×" if r[12] else "（印刷値なし）"),
            )
            for r in group
        ]
        anchor = f"scene-{group[0][0]}"
        csv_name = f"csv/{len(parts)}.csv"
        writer.write(f"coordinator/{csv_name}", page.csv_text(HEADERS, table_rows))
        chart = svg.grouped(
            scene,
            [f"{r[1]}.{r[2]}" for r in group],
            ["いる", "いない"],
            [[_f(r[5]), _f(r[8])] for r in group],
            [str(r[11]) for r in group],
        )
        parts.append(
            page.figure(
                anchor,
                f"{scene}：コーディネーターの有無別の取組の実施",
                chart,
                HEADERS,
                table_rows,
                csv_name,
                "右端は p 値。",
                ["diff" if r[-1] == "×" else "" for r in table_rows],
            )
        )
    title = f"コーディネーターの有無と取組（{data.edition_label}、参考資料）"
    writer.write(
        "coordinator/index.html",
        page.frame(title, "".join(parts), 1, [("コーディネーター", "coordinator/index.html")], data.about()),
    )
    return True


def _f(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _by_scene(rows: list[tuple]) -> list[tuple[str, list[tuple]]]:
    out: dict[str, list[tuple]] = {}
    for row in rows:
        out.setdefault(row[0], []).append(row)
    return list(out.items())
