"""The maps' outlines: the 47 prefectures of the reference list, inside the map, 沖縄県 alone in its box."""

from __future__ import annotations

import re

from warehouse.reference import local_governments
from warehouse.site import svg
from warehouse.site.geo import OKINAWA, extent, outlines

NUMBER_PAIR = re.compile(r"(-?[\d.]+),(-?[\d.]+)")


def _box(d: str) -> tuple[float, float, float, float]:
    return extent([(float(x), float(y)) for x, y in NUMBER_PAIR.findall(d)])


def test_every_prefecture_has_an_outline_inside_the_map() -> None:
    drawn = outlines()
    assert set(drawn.paths) == set(local_governments.load().prefectures)
    for code, d in drawn.paths.items():
        assert d.startswith("M") and d.endswith("Z"), code
        left, top, right, bottom = _box(d)
        assert 0 <= left < right <= drawn.width and 0 <= top < bottom <= drawn.height, code


def test_okinawa_is_alone_in_its_inset() -> None:
    drawn = outlines()
    x, y, w, h = drawn.inset
    left, top, right, bottom = _box(drawn.paths[OKINAWA])
    assert x < left and right < x + w and y < top and bottom < y + h
    for code, d in drawn.paths.items():
        if code != OKINAWA:
            other = _box(d)
            assert other[2] < x or other[0] > x + w or other[3] < y or other[1] > y + h, code


def test_a_share_falls_in_one_of_five_classes_of_twenty_points() -> None:
    assert [svg.map_class(p) for p in (0, 19.9, 20, 59.9, 60, 80, 100)] == [
        svg.MAP_CLASSES[k] for k in (0, 0, 1, 2, 3, 4, 4)
    ]
    assert svg.map_class(None) == svg.NO_DATA
