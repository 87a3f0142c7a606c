"""The one way list pages cut a queryset into pages."""

from functools import cached_property

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PER_PAGE = 25
# Lists that can hold a whole network's people count this far and no further: "more than
# 1,000" is all a reader needs, and counting 200,000 rows on every page is not free.
COUNT_CAP = 1000


def bounded_count(queryset, cap: int | None = None) -> tuple[int, bool]:
    """(count, exact): the number of rows up to `cap` (COUNT_CAP), and whether that is all."""
    cap = COUNT_CAP if cap is None else cap
    # A sliced count is counted in a subquery that stops after cap + 1 rows.
    n = queryset[: cap + 1].count()
    return min(n, cap), n <= cap


class BoundedPaginator(Paginator):
    """Pages over at most `cap` rows; `more` says the list goes on beyond (refine to see)."""

    def __init__(self, object_list, per_page, *, cap: int | None = None, **kwargs):
        self.cap = COUNT_CAP if cap is None else cap
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def _bounded(self) -> tuple[int, bool]:
        return bounded_count(self.object_list, self.cap)

    @cached_property
    def count(self) -> int:
        return self._bounded[0]

    @property
    def more(self) -> bool:
        return not self._bounded[1]


def paginate(
    request: HttpRequest, queryset, *, per_page: int = PER_PAGE, bounded: bool = False
) -> Page:
    """The page that `?page=` asks for, or the nearest one that exists.

    The number comes from the address bar, so it may be anything: a page past the end shows the
    last page, one before the first (0, -3) shows the first page, and one that is not a number
    shows the first page. A hand-edited link gets a list, never a server error.
    `bounded` counts no further than COUNT_CAP rows (for lists that grow with the network).
    """
    number = request.GET.get("page")
    try:
        before_first = int(number) < 1
    except (TypeError, ValueError):
        before_first = False
    # Django's get_page sends numbers below one to the last page; the first is the nearest.
    paginator = BoundedPaginator(queryset, per_page) if bounded else Paginator(queryset, per_page)
    return paginator.get_page(1 if before_first else number)
