"""Role grants (only admins grant, and nobody changes their own roles) and the audit export."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from . import audit
from .models import RoleGrant
from .policy import require
from .principal import forget
from .roles import GRANTABLE_ROLES
from .selectors import audit_entry_list


def _check(actor, user, role) -> None:
    require(actor, "access.grant_role")
    if getattr(actor, "pk", None) == user.pk:
        raise PermissionDenied(_("Nobody can change their own roles."))
    if role not in GRANTABLE_ROLES:
        raise ValidationError(_("This role is not granted; it follows from the directory."))


def role_grant(*, actor, user, role: str, request=None) -> RoleGrant:
    _check(actor, user, role)
    with transaction.atomic():
        grant, created = RoleGrant.objects.get_or_create(
            user=user, role=role, defaults={"granted_by": actor}
        )
        if created:
            audit.record(
                "access.role_granted", actor=actor, obj=user, request=request, data={"role": role}
            )
    forget(user)
    return grant


def role_revoke(*, actor, user, role: str, request=None) -> None:
    _check(actor, user, role)
    with transaction.atomic():
        deleted, _count = RoleGrant.objects.filter(user=user, role=role).delete()
        if deleted:
            audit.record(
                "access.role_revoked", actor=actor, obj=user, request=request, data={"role": role}
            )
    forget(user)


def audit_export(*, actor, filters: dict, request=None) -> QuerySet:
    """The entries an admin downloads; reading the whole log is itself worth a line in it.

    The rows are read lazily, after that line is written, so the file ends with it.
    """
    require(actor, "audit.view")
    entries = audit_entry_list(user=actor, **filters)
    audit.record(
        "audit.exported",
        actor=actor,
        request=request,
        data={k: str(v) for k, v in filters.items()},
    )
    return entries
