"""The rule language: parsing, errors that point at the problem, and Python evaluation."""

import pytest

from warehouse.codebook import expressions as ex


def test_parse_precedence_and_references() -> None:
    node = ex.parse("${a} = 1 or ${b} in (2, 3) and not selected(${c}, 4)")
    assert isinstance(node, ex.Or)
    assert isinstance(node.items[1], ex.And)
    assert ex.references(node) == {"a", "b", "c"}


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("${a} = ", "expected an operand"),
        ("${a} == 1", "expected an operand"),
        ("frobnicate(${a})", "unknown function"),
        ("selected(${a})", "takes 2 argument"),
        ("count_true()", "takes one or more"),
        ("${a} = 1 )", "unexpected token"),
        ("${a} in (${b})", "expected a literal"),
        ("${a} # 1", "unexpected character"),
    ],
)
def test_parse_errors_name_the_problem(source: str, fragment: str) -> None:
    with pytest.raises(ex.ExpressionError, match=fragment):
        ex.parse(source)


@pytest.mark.parametrize(
    ("source", "answers", "expected"),
    [
        ("${q} = 1", {"q": 1}, True),
        ("${q} = 1", {}, False),  # an unanswered parent makes children not relevant
        ("${q} != 1", {}, False),
        ("${q} in (1, 2)", {"q": 2}, True),
        ("selected(${m}, 3)", {"m": frozenset({1, 3})}, True),
        ("selected(${m}, 3)", {"m": frozenset({1})}, False),
        ("count_selected(.) <= 3", {"self": frozenset({1, 2, 3, 4})}, False),
        ("subset(., ${m})", {"self": frozenset({2}), "m": frozenset({1, 2})}, True),
        ("subset(., ${m})", {"self": frozenset({5}), "m": frozenset({1, 2})}, False),
        ("regex(., '^[0-9]{5}$')", {"self": "01100"}, True),
        ("regex(., '^[0-9]{5}$')", {"self": "1100"}, False),
        ("not answered(${x})", {"x": ""}, True),
        (". >= 0 and . <= 7", {"self": 7.5}, False),
        ("not (selected(., 12) and count_selected(.) > 1)", {"self": frozenset({12, 1})}, False),
        ("count_true(${a} = 1, ${b} = 1, ${c} in (1, 2)) = 2", {"a": 1, "b": 3, "c": 2}, True),
        ("count_true(${a} = 1, ${b} = 1) = 0", {}, True),  # unanswered conditions do not hold
        ("count_true(${a} = 1, ${b} = 1) >= 1", {"b": 1}, True),
    ],
)
def test_evaluate(source: str, answers: dict, expected: bool) -> None:
    assert ex.evaluate(ex.parse(source), answers, this="self") is expected


def test_self_outside_an_item_is_an_error() -> None:
    with pytest.raises(ex.ExpressionError):
        ex.evaluate(ex.parse(". = 1"), {})
