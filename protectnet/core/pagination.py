"""The one way list pages cut a queryset into pages."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PER_PAGE = 25


def paginate(request: HttpRequest, queryset, *, per_page: int = PER_PAGE) -> Page:
    """The page that `?page=` asks for, or the nearest one that exists.

    The number comes from the address bar, so it may be anything: a page past the end shows the
    last page, one before the first (0, -3) shows the first page, and one that is not a number
    shows the first page. A hand-edited link gets a list, never a server error.
    """
    number = request.GET.get("page")
    try:
        before_first = int(number) < 1
    except (TypeError, ValueError):
        before_first = False
    # Django's get_page sends numbers below one to the last page; the first is the nearest.
    return Paginator(queryset, per_page).get_page(1 if before_first else number)
