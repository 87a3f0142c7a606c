"""What the training API modules share: paging and the rows they answer with."""

from typing import Literal

from ninja import Field, Schema

MAX_LIMIT = 100

SECTORS = Literal[
    "law_enforcement", "government", "ngo", "education", "charity", "international", "diplomatic"
]


class Paging(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=100_000)


def page_of(qs, paging: Paging) -> dict:
    return {"count": qs.count(), "items": list(qs[paging.offset : paging.offset + paging.limit])}
