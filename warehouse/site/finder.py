"""市町村をさがす (``municipality/index.html``): every municipality with a profile, by prefecture, as a plain list
that reads without script, and a box that narrows it as one types a name (kanji, katakana or hiragana), a former
name (富谷町 finds 富谷市) or a code (5 or 6 digits).

The list itself is the index: the page's small inline script hides the items that do not match, so nothing is
fetched (a page opened from disk may not fetch a file beside it) and nothing depends on a network. A link may
carry what to look for (``index.html#q=なかがわ``).
"""

from __future__ import annotations

from html import escape
from itertools import groupby

from warehouse.site import page
from warehouse.site.data import SiteData
from warehouse.site.municipality import has_profile
from warehouse.site.writer import SiteWriter

PATH = "municipality/index.html"

SCRIPT = """
const box = document.getElementById('find');
const items = [...document.querySelectorAll('li[data-key]')];
const groups = [...document.querySelectorAll('section.prefecture')];
const count = document.getElementById('found');
const katakana = s => s.replace(/[\\u3041-\\u3096]/g, c => String.fromCharCode(c.charCodeAt(0) + 0x60));
const narrow = () => {
  const typed = katakana(box.value.trim());
  let shown = 0;
  for (const item of items) {
    const hit = !typed || item.dataset.key.includes(typed);
    item.hidden = !hit;
    shown += hit;
  }
  for (const group of groups) group.hidden = !group.querySelector('li:not([hidden])');
  count.textContent = shown + ' 市町村';
};
box.addEventListener('input', narrow);
if (location.hash.startsWith('#q=')) {
  box.value = decodeURIComponent(location.hash.slice(3));
  narrow();
}
"""


def search_key(m: dict) -> str:
    """What a municipality is found by: both codes, its names now and before, its reading."""
    parts = [m["municipality_code"], m["municipality_code5"], m["municipality_name"], m["municipality_name_kana"]]
    parts += list(m.get("former_names") or []) + list(m.get("former_codes") or [])
    return " ".join(str(p) for p in parts if p)


def write(data: SiteData, writer: SiteWriter) -> int:
    """The page, when the site has profiles; returns how many municipalities it lists."""
    listed = [m for m in data.municipalities if has_profile(data, m)]
    if not listed:
        return 0
    names = dict(data.prefectures)
    sections = []
    for code, group in groupby(listed, key=lambda m: m["prefecture_code"]):
        links = "".join(
            f'<li data-key="{escape(search_key(m))}"><a href="{m["municipality_code"]}.html">'
            f"{escape(m['municipality_name'])}</a></li>"
            for m in group
        )
        sections.append(
            f'<section class="prefecture"><h3>{escape(names.get(code, code))}</h3><ul class="columns">{links}</ul>'
            "</section>"
        )
    body = (
        '<p><label for="find">名前・よみ・コードで絞り込む：</label>'
        '<input id="find" type="search" autocomplete="off" placeholder="例：那珂川、なかがわ、40231">'
        f' <span id="found" class="note">{len(listed):,} 市町村</span></p>'
        f'<p class="note">公表ファイルに記録のある市町村のプロフィール（{escape(data.edition_label)}と各年度）。'
        "旧名称・旧コードでも探せます。</p>" + "".join(sections) + f"<script>{SCRIPT}</script>"
    )
    writer.write(PATH, page.frame("市町村をさがす", body, 1, [("市町村をさがす", PATH)], data.about("各年度")))
    return len(listed)
