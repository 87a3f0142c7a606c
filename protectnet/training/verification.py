"""Public certificate verification: rate limited per address, so codes cannot be enumerated.

Every lookup counts (TRAINING_VERIFY_LIMIT per window); unknown codes count again towards a much
lower limit (TRAINING_VERIFY_FAILURE_LIMIT). Counters live in the shared cache (see
accounts/security.py for why production needs a cache shared by the workers).
"""

from django.conf import settings
from django.core.cache import cache

from protectnet.access.audit import client_ip

from .selectors import certificate_public

WINDOW_SECONDS = 15 * 60


def _limits() -> tuple[int, int]:
    return (
        getattr(settings, "TRAINING_VERIFY_LIMIT", 60),
        getattr(settings, "TRAINING_VERIFY_FAILURE_LIMIT", 10),
    )


def _bump(key: str) -> int:
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        return 1


def is_throttled(request) -> bool:
    ip = client_ip(request) or "unknown"
    limit, failure_limit = _limits()
    return (
        cache.get(f"pn:verify:all:{ip}", 0) >= limit
        or cache.get(f"pn:verify:fail:{ip}", 0) >= failure_limit
    )


class Throttled(Exception):
    pass


def verify(request, code: str):
    """The certificate for a code, or None; raises Throttled past the limits."""
    if is_throttled(request):
        raise Throttled
    ip = client_ip(request) or "unknown"
    _bump(f"pn:verify:all:{ip}")
    certificate = certificate_public(code=(code or "").strip())
    if certificate is None:
        _bump(f"pn:verify:fail:{ip}")
    return certificate
