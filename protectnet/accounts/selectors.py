"""Reads the accounts pages need, always through the access policy."""

from django.db.models import QuerySet

from protectnet.access.policy import visible
from protectnet.access.principal import principal_for

from . import directory
from .models import ApiToken, Invitation


def api_token_list(*, user) -> QuerySet:
    """The user's own active tokens (the scope never returns another user's)."""
    return visible(user, ApiToken.objects.filter(revoked_at__isnull=True)).order_by("-created_at")


def invitation_list(*, user) -> QuerySet:
    """Invitations not yet accepted: all for admins, one's own for focal points."""
    qs = Invitation.objects.filter(accepted_at__isnull=True).select_related("invited_by")
    return visible(user, qs).order_by("-created_at")


def invitable_people(*, user) -> QuerySet:
    """Directory entries without an account that this user may invite (rule "account.invite")."""
    return directory.invitable_people(principal=principal_for(user))
