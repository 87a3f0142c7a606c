"""Small-cell suppression: no count of 1-4 is published, and no hidden cell can be worked out
from what is published (the shown cells, the labels and the breakdown's total)."""

import itertools

import pytest

from protectnet.core.suppression import FEWER, PROTECTS, WITHHELD, protect, total


def _published(table):
    return protect([(f"cell {i}", n) for i, n in enumerate(table)])


def _consistent(table, cells):
    """Every table a reader could reconstruct from the published cells and the known total."""
    shown = [c.count for c in cells if not c.suppressed]
    ceiling = min([n for n in shown if n], default=sum(table))
    ranges = []
    for cell in cells:
        if not cell.suppressed:
            ranges.append([cell.count])
        elif cell.reason == FEWER:
            ranges.append(range(1, 5))
        else:
            ranges.append(range(5, ceiling + 1))
    return [t for t in itertools.product(*ranges) if sum(t) == sum(table)]


TABLES = list(itertools.product(range(13), repeat=3)) + list(itertools.product(range(9), repeat=4))


def test_no_small_count_is_ever_published():
    for table in TABLES:
        for cell in _published(table):
            assert cell.suppressed or not 0 < cell.count < 5, (table, cell)


def test_no_hidden_cell_can_be_worked_out_from_the_total():
    for table in TABLES:
        cells = _published(table)
        if cells[0].reason == WITHHELD:
            assert len(cells) == 1 and cells[0].count is None
            continue
        hidden = [i for i, c in enumerate(cells) if c.suppressed]
        if not hidden:
            continue
        options = _consistent(table, cells)
        assert tuple(table) in options, table
        for i in hidden:
            assert len({t[i] for t in options}) > 1, (table, cells, i)


@pytest.mark.parametrize(
    "table,expected",
    [
        ((6, 2), [None, None]),  # 2 hidden, and 6 too, or 8 - 6 gives the 2 away
        ((30, 20, 3), [30, None, None]),
        ((1, 1, 9, 40), [None, None, None, 40]),  # 1 + 1 alone would add up to 2: both 1
        ((7, 12), [7, 12]),
        ((0, 9), [0, 9]),
    ],
)
def test_examples(table, expected):
    assert [c.count for c in _published(table)] == expected
    reasons = {c.reason for c in _published(table) if c.suppressed}
    assert reasons <= {FEWER, PROTECTS}


def test_a_breakdown_that_cannot_be_protected_is_withheld_whole():
    cells = _published((1, 5))  # 1 + 5 = 6: "fewer than 5" plus "at least 5" gives both away
    assert [(c.count, c.reason) for c in cells] == [(None, WITHHELD)]
    assert "cell" not in cells[0].label


def test_totals_of_1_to_4_are_fewer_than_5():
    assert [total(n).display for n in (0, 1, 4, 5)] == ["0", "fewer than 5", "fewer than 5", "5"]
