"""The HTML around the charts: page frame, tables, chart blocks with their CSV, the stylesheet and
the embedded Japanese font.

The font is IPAexGothic as shipped by the ``matplotlib-fontja`` package (IPA Font License): it is copied
into ``assets/`` and declared with ``@font-face``, so the pages look the same on a machine without any
Japanese font and nothing is loaded from the network.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from html import escape
from importlib.util import find_spec
from pathlib import Path

FONT_FAMILY = "IPAexGothic"
FONT_FILE = "ipaexg.ttf"
FONT_LICENSE = "IPA_Font_License_Agreement_v1.0.txt"

STYLE = f"""@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{FONT_FILE}") format("truetype"); }}
body {{ font-family: "{FONT_FAMILY}", sans-serif; margin: 0 auto; max-width: 1200px; padding: 0 16px 48px;
  color: #222; line-height: 1.5; }}
svg.chart text {{ font-family: "{FONT_FAMILY}", sans-serif; fill: #222; }}
nav.crumbs {{ font-size: 13px; margin: 12px 0; }}
h1 {{ font-size: 22px; margin: 8px 0 4px; }}
h2 {{ font-size: 18px; border-bottom: 2px solid #4c78a8; padding-bottom: 2px; margin-top: 32px; }}
h3 {{ font-size: 15px; margin: 20px 0 6px; }}
figure.chart {{ margin: 12px 0 24px; padding: 8px; border: 1px solid #ddd; border-radius: 4px; }}
figure.chart figcaption {{ font-weight: bold; font-size: 14px; margin-bottom: 6px; }}
.pair {{ display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }}
table {{ border-collapse: collapse; font-size: 12px; }}
th, td {{ border: 1px solid #ccc; padding: 2px 6px; }}
th {{ background: #f2f2f2; }}
td.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
tr.diff td {{ background: #fde2e1; }}
p.note, .note {{ font-size: 12px; color: #555; }}
p.missing {{ background: #fff4d6; border-left: 4px solid #eeca3b; padding: 6px 10px; font-size: 13px; }}
a.csv {{ font-size: 12px; }}
ul.columns {{ columns: 4 12em; font-size: 13px; }}
input {{ font: inherit; padding: 2px 6px; }}
footer {{ margin-top: 40px; border-top: 1px solid #ddd; padding-top: 6px; }}
"""


def font_source() -> Path:
    """The IPAexGothic file of the installed ``matplotlib-fontja`` (found without importing matplotlib)."""
    spec = find_spec("matplotlib_fontja")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the site needs the matplotlib-fontja package (its IPAexGothic font); pip install it")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


FOOT = '公表ファイルの公開日時とゲート実行は<a href="{up}index.html">トップ</a>に。'


def frame(title: str, body: str, depth: int, crumbs: Sequence[tuple[str, str]] = (), about: str = "") -> str:
    """A whole page; ``depth`` is how many folders below the site's root it lives; ``about`` says, at its foot,
    which edition and publication it shows (the publication's time is on the top page alone, so that a page
    whose figures did not change is not rewritten by the next refresh)."""
    up = "../" * depth
    trail = " › ".join(f'<a href="{up}{href}">{escape(name)}</a>' for name, href in (("トップ", "index.html"), *crumbs))
    return (
        '<!doctype html>\n<html lang="ja"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>"
        f'<link rel="stylesheet" href="{up}assets/site.css"></head><body>'
        f'<nav class="crumbs">{trail}</nav><h1>{escape(title)}</h1>{body}'
        + (f'<footer class="note">{escape(about)}{FOOT.format(up=up)}</footer>' if about else "")
        + "</body></html>\n"
    )


def cell(value: object) -> str:
    if value is None:
        return '<td class="num">—</td>'
    if isinstance(value, float):
        return f'<td class="num">{value:.1f}</td>'
    if isinstance(value, int):
        return f'<td class="num">{value:,}</td>'
    return f"<td>{escape(str(value))}</td>"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], row_classes: Sequence[str] | None = None) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        css = f' class="{row_classes[i]}"' if row_classes and row_classes[i] else ""
        body.append(f"<tr{css}>" + "".join(cell(value) for value in row) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def csv_text(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV with a byte-order mark, so that Excel opens the Japanese as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if v is None else (f"{v:.1f}" if isinstance(v, float) else v) for v in row])
    return "\ufeff" + out.getvalue()


def figure(
    anchor: str,
    caption: str,
    chart: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    csv_href: str,
    note: str = "",
    row_classes: Sequence[str] | None = None,
) -> str:
    """A chart with the table of its numbers beside it and the link to the same numbers as CSV."""
    return figure_html(anchor, caption, chart, table(headers, rows, row_classes), csv_href, note)


def figure_html(anchor: str, caption: str, chart: str, table_html: str, csv_href: str, note: str = "") -> str:
    """The same, for a table already written."""
    extra = f'<p class="note">{note}</p>' if note else ""
    return (
        f'<figure class="chart" id="{escape(anchor)}"><figcaption>{escape(caption)}</figcaption>'
        f'<div class="pair">{chart}{table_html}</div>{extra}'
        f'<a class="csv" href="{escape(csv_href)}" download>CSV（この図の数値）</a></figure>'
    )


def pct(numerator: int, denominator: int) -> float | None:
    return round(100 * numerator / denominator, 1) if denominator else None
