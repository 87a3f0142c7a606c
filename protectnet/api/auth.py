from datetime import timedelta

from django.utils import timezone
from ninja.security import HttpBearer

from protectnet.accounts.models import ApiToken, hash_secret


class TokenAuth(HttpBearer):
    """Bearer tokens: looked up by their SHA-256; a revoked token or disabled user fails."""

    def authenticate(self, request, token: str):
        if not token or len(token) > 200:
            return None
        row = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_secret(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if row is None:
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
