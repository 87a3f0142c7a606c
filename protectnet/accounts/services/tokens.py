"""Personal API tokens: stored as a SHA-256, the raw value shown once."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.audit import client_ip
from protectnet.access.policy import get_visible_or_404, require

from ..models import ApiToken, User, hash_secret
from ..security import count_failure, throttled

MAX_ACTIVE_TOKENS = 20
TOKEN_THROTTLE = "api_token"  # noqa: S105 - the name of a throttle counter, not a secret


def token_create(*, actor, name: str, request=None, via: str = "profile") -> tuple[ApiToken, str]:
    """A new token for the actor's own account. Returns the row and the raw value (show once)."""
    require(actor, "account.manage_own")
    name = (name or "").strip()
    if ApiToken.objects.filter(user=actor, revoked_at__isnull=True).count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(_("Revoke a token you no longer use before creating another."))
    raw = ApiToken.new_raw_key()
    token = ApiToken(user=actor, name=name, key_hash=hash_secret(raw), hint=raw[:8])
    token.full_clean()
    with transaction.atomic():
        token.save()
        audit.record(
            "account.token_created", actor=actor, obj=token, request=request, data={"via": via}
        )
    return token, raw


def token_revoke(*, actor, token_id, request=None) -> ApiToken:
    """Revoke one of the actor's own tokens; another user's token id is simply not found."""
    require(actor, "account.manage_own")
    with transaction.atomic():
        token = get_visible_or_404(
            actor, ApiToken.objects.select_for_update().filter(revoked_at__isnull=True), pk=token_id
        )
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record("account.token_revoked", actor=actor, obj=token, request=request)
    return token


class TokenThrottled(Exception):
    """Too many failed token attempts from one address: every call is refused for a while."""


def token_authenticate(*, raw: str, request) -> "User | None":
    """The active user a bearer token belongs to, or None (counted against the address).

    Failed attempts are counted per IP in the shared cache: past API_AUTH_FAILURE_LIMIT within
    the lock-out window the address is refused (TokenThrottled), even with a valid token."""
    ip = client_ip(request)
    if throttled(TOKEN_THROTTLE, ip, settings.API_AUTH_FAILURE_LIMIT):
        raise TokenThrottled
    row = None
    if raw and len(raw) <= 200:
        row = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_secret(raw), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
    if row is None:
        if count_failure(TOKEN_THROTTLE, ip) == settings.API_AUTH_FAILURE_LIMIT:
            audit.record("api.auth_throttled", request=request, data={"ip": ip})
        return None
    now = timezone.now()
    # Record use at most once a minute, so reads do not become writes on every call.
    if row.last_used_at is None or now - row.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.user
