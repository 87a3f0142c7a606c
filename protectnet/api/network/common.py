"""What the network's resources share: paging of list answers, the search query's check."""

from ninja import Field, Schema

from protectnet.network.search import query_error

MAX_LIMIT = 100


class Paging(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=1_000_000)


def checked_query(q: str) -> str:
    """A directory search the selectors can run; else a 422 naming the reason."""
    error = query_error(q)
    if error:
        raise ValueError(error)
    return q
