"""The prefectures' outlines for the site's maps, from the TopoJSON shipped in ``warehouse/reference/data``
(国土数値情報 行政区域, simplified by スマートニュース メディア研究所; ``SOURCE.md``).

Decoded once per process with the standard library: the arcs' deltas summed and scaled, the rings joined,
projected equirectangularly at 36°N (the distortion over Japan's extent is small for a choropleth),
沖縄県 moved into a box at the top left as printed maps of Japan do, the islands of 東京都 south of 31°N
(小笠原諸島, 沖ノ鳥島, 南鳥島) left out, coordinates rounded to a tenth of the map's pixel, points under STEP
pixels apart and islands under a pixel and a half dropped: the 47 outlines are about 65 kB of SVG path data,
written once per page and drawn by every map on it (``<use>``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from warehouse.reference import local_governments

TOPOJSON = Path(__file__).resolve().parents[1] / "reference" / "data" / "prefectures.topojson"
#: Whom the pages must credit for the outlines (the terms of 国土数値情報), shown under every map.
CREDIT = "地図：「国土数値情報（行政区域データ）」（国土交通省）を加工して作成"
OMITTED = "沖縄県は左上の枠内に拡大して示す（大東諸島は省略）。小笠原諸島など北緯31度以南の東京都の島は省略。"
OKINAWA = "47"
TOKYO = "13"
#: 沖縄県 drawn larger in the sea west of 北海道: its south-west corner (longitude, latitude) moved to the
#: anchor and the islands scaled by the factor; 大東諸島, far to the east, is left out of the box.
OKINAWA_CORNER = (122.9, 24.0)
OKINAWA_ANCHOR = (128.8, 39.3)
OKINAWA_SCALE = 1.6
OKINAWA_EAST_LIMIT = 130.0
SOUTH_LIMIT = 31.0
LATITUDE = 36.0
WIDTH = 420
MIN_PIXELS = 1.5
STEP = 0.8

Point = tuple[float, float]


@dataclass(frozen=True)
class Outlines:
    paths: dict[str, str]  # prefecture code → SVG path data
    width: int
    height: int
    inset: tuple[float, float, float, float]  # x, y, width, height of the box around 沖縄県


def _arcs(topology: dict) -> list[list[Point]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs: list[list[Point]], indices: list[int]) -> list[Point]:
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _rings(arcs: list[list[Point]], geometry: dict) -> list[list[Point]]:
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    return [_ring(arcs, ring) for polygon in polygons for ring in polygon]


def extent(points: list[Point]) -> tuple[float, float, float, float]:
    """The smallest box holding ``points``: left, top, right, bottom."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _inset(point: Point) -> Point:
    return (
        OKINAWA_ANCHOR[0] + (point[0] - OKINAWA_CORNER[0]) * OKINAWA_SCALE,
        OKINAWA_ANCHOR[1] + (point[1] - OKINAWA_CORNER[1]) * OKINAWA_SCALE,
    )


@cache
def outlines() -> Outlines:
    """The 47 outlines, keyed by prefecture code (matched by name against the reference list of local
    governments)."""
    topology = json.loads(TOPOJSON.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    codes = {p.name: code for code, p in local_governments.load().prefectures.items()}
    shapes: dict[str, list[list[Point]]] = {}
    for geometry in topology["objects"]["prefectures"]["geometries"]:
        code = codes[geometry["properties"]["N03_001"]]
        rings = _rings(arcs, geometry)
        if code == TOKYO:
            rings = [r for r in rings if max(lat for _, lat in r) >= SOUTH_LIMIT]
        if code == OKINAWA:
            rings = [[_inset(point) for point in r] for r in rings if max(lon for lon, _ in r) < OKINAWA_EAST_LIMIT]
        shapes[code] = rings
    if len(shapes) != 47:
        raise ValueError(f"{TOPOJSON} holds {len(shapes)} prefectures, not 47")
    factor = math.cos(math.radians(LATITUDE))
    projected = {code: [[(lon * factor, -lat) for lon, lat in r] for r in rings] for code, rings in shapes.items()}
    left, top, right, bottom = extent([p for rings in projected.values() for r in rings for p in r])
    scale = (WIDTH - 8) / (right - left)
    height = math.ceil((bottom - top) * scale) + 8

    def pixel(point: Point) -> Point:
        return round((point[0] - left) * scale + 4, 1), round((point[1] - top) * scale + 4, 1)

    paths = {}
    for code, rings in projected.items():
        parts = []
        for ring in rings:
            points = [pixel(p) for p in ring]
            x0, y0, x1, y1 = extent(points)
            if x1 - x0 < MIN_PIXELS and y1 - y0 < MIN_PIXELS:
                continue
            kept = [points[0]]
            for point in points[1:]:  # a point closer than STEP pixels to the last one kept adds nothing seen
                if abs(point[0] - kept[-1][0]) + abs(point[1] - kept[-1][1]) >= STEP:
                    kept.append(point)
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in kept) + "Z")
        paths[code] = "".join(parts)
    x0, y0, x1, y1 = extent([pixel(p) for r in projected[OKINAWA] for p in r])
    inset = (x0 - 6, y0 - 6, x1 - x0 + 12, y1 - y0 + 12)
    return Outlines(paths, WIDTH, height, inset)
