"""Reads the accounts pages need, always through the access policy."""

from django.apps import apps
from django.db.models import QuerySet

from protectnet.access.policy import visible
from protectnet.access.principal import principal_for

from .models import ApiToken, Invitation


def api_token_list(*, user) -> QuerySet:
    """The user's own active tokens (the scope never returns another user's)."""
    return visible(user, ApiToken.objects.filter(revoked_at__isnull=True)).order_by("-created_at")


def invitation_list(*, user) -> QuerySet:
    """Invitations not yet accepted: all for admins, one's own for focal points."""
    qs = Invitation.objects.filter(accepted_at__isnull=True).select_related("invited_by")
    return visible(user, qs).order_by("-created_at")


def invitable_people(*, user) -> QuerySet:
    """Directory entries without an account that this user may invite.

    This is the rule "account.invite" (admin_or_focal_of) as a filter: admins may invite anyone,
    focal points the people with a current membership in their countries, others nobody.
    """
    Person = apps.get_model("network", "Person")
    Membership = apps.get_model("network", "Membership")
    principal = principal_for(user)
    qs = Person.objects.filter(user__isnull=True, erased_at__isnull=True)
    if principal.is_admin:
        return qs.order_by("full_name")
    if not principal.focal_country_ids:
        return qs.none()
    current = Membership.objects.filter(
        Membership.current_q(), organisation__country_id__in=principal.focal_country_ids
    )
    return qs.filter(pk__in=current.values("person_id")).order_by("full_name")
