"""Keyset paging ("the rows after this one"): page 5,000 costs what page 1 costs.

An offset makes the database walk past every row before the page; a cursor names the last row
seen, and the next page starts right after that row's place on the index. The cursor holds only
the row's key, signed (a client can hand it back but cannot make one up, and a cursor of one
list is refused by another): names and dates never travel in addresses or logs. Its place is
read again from the same list the user may see, so a cursor cannot reveal a row they may not.
"""

from dataclasses import dataclass

from django.core import signing
from django.db.models import Q, QuerySet

SALT = "protectnet.core.keyset"


class BadCursor(ValueError):
    """The cursor was not made by this server for this list, or its row has gone."""


@dataclass(frozen=True)
class KeysetPage:
    items: list
    next: str | None  # the cursor of the page after this one; None on the last page


def _fields(order: tuple[str, ...]) -> list[str]:
    return [f.lstrip("-") for f in order]


def cursor_for(obj, order: tuple[str, ...]) -> str:
    return signing.dumps({"o": list(order), "k": obj.pk}, salt=SALT)


def _place(qs: QuerySet, cursor: str, order: tuple[str, ...]) -> tuple:
    try:
        data = signing.loads(cursor, salt=SALT)
    except signing.BadSignature as exc:
        raise BadCursor("This cursor is not valid: start again from the first page.") from exc
    if data.get("o") != list(order):
        raise BadCursor("This cursor belongs to another list: start again from the first page.")
    place = qs.prefetch_related(None).filter(pk=data.get("k")).values_list(*_fields(order)).first()
    if place is None:
        raise BadCursor("The row this cursor points at is gone: start again from the first page.")
    return place


def after(order: tuple[str, ...], values) -> Q:
    """Rows strictly after `values` in `order` (each field ascending, or descending with "-")."""
    condition = Q()
    equal = {}
    for field, value in zip(order, values, strict=True):
        name = field.lstrip("-")
        condition |= Q(**equal, **{f"{name}__{'lt' if field.startswith('-') else 'gt'}": value})
        equal[name] = value
    return condition


def keyset_page(qs: QuerySet, *, order: tuple[str, ...], cursor: str = "", limit: int):
    """The `limit` rows of `qs` after `cursor` (from the start when empty), in `order`.

    `order` must end with the primary key, or rows sharing a value could be skipped or repeated
    between pages. Raises BadCursor for a cursor this list did not hand out."""
    qs = qs.order_by(*order)
    if cursor:
        qs = qs.filter(after(order, _place(qs, cursor, order)))
    rows = list(qs[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return KeysetPage(rows, cursor_for(rows[-1], order) if more else None)
