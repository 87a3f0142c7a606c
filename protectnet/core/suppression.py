"""Small-cell suppression for statistics shown to people outside the counted activity.

The rule, for one breakdown (the cells of one table: alerts by type, by country, by month...):

1. Primary: a count from 1 to 4 is shown as "fewer than 5" (THRESHOLD), never as a number.
   0 is shown (an empty cell identifies nobody) and so is any count of 5 or more.
2. Secondary: a hidden cell must not come back by subtraction. We assume the reader knows the
   sum of the breakdown (the grand total, or another breakdown of the same alerts), knows that a
   "fewer than 5" cell holds 1-4 and that a cell hidden to protect another holds 5 or more, but
   no more than the smallest cell still shown (we hide the smallest ones first). As long as one
   hidden cell can be worked out exactly from these bounds (always so when a single cell is
   hidden), the smallest cell still shown is hidden too ("not shown"). If none is left and a
   cell could still be worked out, the breakdown is withheld as a whole: one row saying so,
   without even the labels (which would tell how many cells share the total).
3. Medians and other figures computed from individual rows need THRESHOLD rows or are not shown.

This is the classic "no lone suppressed cell" rule with an interval check, not an optimal
disclosure-control solver: it protects each breakdown against subtraction from its total; it
does not reason about cells of a cross-tabulation, which we therefore never publish.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

THRESHOLD = 5
FEWER = "fewer_than_5"
PROTECTS = "protects_a_small_count"
WITHHELD = "too_few_to_break_down"
LABELS = {
    FEWER: _("fewer than 5"),
    PROTECTS: _("not shown (protects a small count)"),
    WITHHELD: _("not shown (too few to break down)"),
}


@dataclass(frozen=True)
class Cell:
    label: str
    count: int | None
    reason: str = ""  # FEWER or PROTECTS when the count is hidden

    @property
    def suppressed(self) -> bool:
        return self.count is None

    @property
    def display(self) -> str:
        return str(LABELS[self.reason]) if self.suppressed else str(self.count)


def exact(rows) -> list[Cell]:
    """Cells for a reader entitled to the exact counts (every row of them visible to them)."""
    return [Cell(str(label), n) for label, n in rows]


def total(n: int) -> Cell:
    return Cell("", None, FEWER) if 0 < n < THRESHOLD else Cell("", n)


def protect(rows) -> list[Cell]:
    """The rows (label, count) with the rule above applied; order is kept."""
    rows = [(str(label), int(n)) for label, n in rows]
    hidden = {i for i, (_label, n) in enumerate(rows) if 0 < n < THRESHOLD}
    while hidden and _recoverable(rows, hidden):
        shown = [i for i, (_label, n) in enumerate(rows) if i not in hidden and n >= THRESHOLD]
        if not shown:
            return [Cell(str(_("All values")), None, WITHHELD)]
        hidden.add(min(shown, key=lambda i: rows[i][1]))
    return [
        Cell(label, None, FEWER if n < THRESHOLD else PROTECTS) if i in hidden else Cell(label, n)
        for i, (label, n) in enumerate(rows)
    ]


def _recoverable(rows: list[tuple[str, int]], hidden: set[int]) -> bool:
    """True when some hidden cell has only one value left that fits the reader's bounds."""
    if len(hidden) < 2:
        return True
    counts = {i: rows[i][1] for i in hidden}
    rest = [n for i, (_label, n) in enumerate(rows) if i not in hidden and n]
    gap = sum(counts.values())  # what the total minus the shown cells tells the reader
    ceiling = min(rest, default=gap)
    bounds = {
        i: (1, THRESHOLD - 1) if n < THRESHOLD else (THRESHOLD, ceiling) for i, n in counts.items()
    }
    for i, (low, high) in bounds.items():
        others_low = sum(b[0] for j, b in bounds.items() if j != i)
        others_high = sum(b[1] for j, b in bounds.items() if j != i)
        if max(low, gap - others_high) >= min(high, gap - others_low):
            return True
    return False
