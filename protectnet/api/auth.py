from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer

from protectnet.access import audit
from protectnet.access.audit import client_ip
from protectnet.accounts.models import ApiToken, hash_secret
from protectnet.accounts.security import count_failure, throttled

THROTTLE = "api_token"


class TokenAuth(HttpBearer):
    """Bearer tokens: looked up by their SHA-256; a revoked token or disabled user fails.

    Failed attempts are counted per IP: past API_AUTH_FAILURE_LIMIT within the lock-out window,
    that address gets 429 for every call (even with a valid token) until the window passes.
    """

    def authenticate(self, request, token: str):
        ip = client_ip(request)
        if throttled(THROTTLE, ip, settings.API_AUTH_FAILURE_LIMIT):
            raise HttpError(429, "Too many failed attempts from this address. Try again later.")
        row = None
        if token and len(token) <= 200:
            row = (
                ApiToken.objects.select_related("user")
                .filter(key_hash=hash_secret(token), revoked_at__isnull=True, user__is_active=True)
                .first()
            )
        if row is None:
            if count_failure(THROTTLE, ip) == settings.API_AUTH_FAILURE_LIMIT:
                audit.record("api.auth_throttled", request=request, data={"ip": ip})
            return None
        now = timezone.now()
        # Record use at most once a minute, so reads do not become writes on every call.
        if row.last_used_at is None or now - row.last_used_at > timedelta(minutes=1):
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        return row.user


class OptionalTokenAuth(TokenAuth):
    """For public operations: a valid token identifies the caller, no token means anonymous."""

    def __call__(self, request):
        header = request.headers.get("Authorization")
        if not header:
            return _Anonymous()
        return super().__call__(request) or None


class _Anonymous:
    """Truthy marker so ninja lets the call through; api_user() turns it into AnonymousUser."""

    is_authenticated = False

    def __bool__(self) -> bool:
        return True
