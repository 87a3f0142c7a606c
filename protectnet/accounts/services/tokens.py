"""Personal API tokens: stored as a SHA-256, the raw value shown once."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.policy import get_visible_or_404, require

from ..models import ApiToken, hash_secret

MAX_ACTIVE_TOKENS = 20


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
