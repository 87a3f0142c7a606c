"""Brakes on guessing: per-account lock-out, per-IP throttles, and recovery codes kept as HMACs.

Counters per IP live in the cache. In production with several worker processes, point CACHE_URL
at a cache they share (database or Redis), or each worker counts on its own.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def _window_seconds() -> int:
    return settings.LOGIN_LOCKOUT_MINUTES * 60


def _key(kind: str, ip: str | None) -> str:
    return f"pn:throttle:{kind}:{ip or 'unknown'}"


def throttled(kind: str, ip: str | None, limit: int) -> bool:
    """Has this IP reached `limit` failures of this kind within the lock-out window?"""
    return cache.get(_key(kind, ip), 0) >= limit


def count_failure(kind: str, ip: str | None) -> int:
    """Add one failure for this IP; the window starts at the first failure."""
    key = _key(kind, ip)
    cache.add(key, 0, timeout=_window_seconds())
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=_window_seconds())
        return 1


def reset_failures(kind: str, ip: str | None) -> None:
    cache.delete(_key(kind, ip))


def recovery_code_digest(code: str) -> str:
    """What is stored for a recovery code: a keyed hash, so a copy of the database alone is not
    enough to sign in. Fits django-otp's 16-character token column."""
    normalised = normalise_code(code)
    digest = hmac.new(settings.SECRET_KEY.encode(), normalised.encode(), hashlib.sha256)
    return digest.hexdigest()[:16]


def normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())
