"""What the network's resources share: paging of list answers."""

from ninja import Field, Schema

MAX_LIMIT = 100


class Paging(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=1_000_000)
