"""Core's picker kind: time zones (the IANA names, searched by any part: "penh", "london")."""

from functools import cache
from zoneinfo import available_timezones

from .picker import Option


@cache
def _zones() -> tuple[str, ...]:
    return tuple(sorted(name for name in available_timezones() if "/" in name))


def time_zone(*, user, q: str, params, limit: int) -> list[Option]:
    words = q.lower().replace("_", " ").split()
    found = []
    for name in _zones():
        spoken = name.lower().replace("_", " ")
        if all(word in spoken for word in words):
            found.append(Option(value=name, label=name))
            if len(found) > limit:
                break
    return found


KINDS = {"time_zone": time_zone}
