"""Paging of list answers: `after` (a cursor) for any depth, `offset` kept for small ones.

Each list answer carries the cursor of the next page in a `Link: <...>; rel="next"` header
(RFC 8288), and list bodies that are objects carry it as `next` too. An offset still works, but
the database walks past every row before it; a cursor starts on the index where the last page
ended, so page 5,000 costs what page 1 costs.
"""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from protectnet.core.keyset import KeysetPage, cursor_for, keyset_page

AFTER_HELP = "The `next` cursor of the page before; start without it"


def page(
    request: HttpRequest,
    response: HttpResponse,
    qs,
    *,
    order: tuple[str, ...],
    after: str,
    offset: int,
    limit: int,
) -> KeysetPage:
    if after and offset:
        raise HttpError(400, _("Give either after or offset, not both."))
    if after or not offset:
        result = keyset_page(qs, order=order, cursor=after, limit=limit)
    else:
        rows = list(qs.order_by(*order)[offset : offset + limit + 1])
        more = len(rows) > limit
        result = KeysetPage(rows[:limit], cursor_for(rows[limit - 1], order) if more else None)
    if result.next:
        query = request.GET.copy()
        query.pop("offset", None)
        query["after"] = result.next
        address = f"{request.build_absolute_uri(request.path)}?{query.urlencode()}"
        response["Link"] = f'<{address}>; rel="next"'
    return result
