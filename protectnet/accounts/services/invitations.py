"""Invitation-only sign-up: an admin (anyone) or a focal point (people of their country) invites.

The link carries a random token; only its SHA-256 is stored. It expires after
INVITATION_VALID_DAYS and works once.
"""

import enum
import secrets
from datetime import timedelta
from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from protectnet.access import audit
from protectnet.access.policy import require
from protectnet.access.principal import principal_for
from protectnet.core.mail import send_templated_mail

from .. import directory
from ..models import Invitation, User, hash_secret


class InvitationState(enum.Enum):
    USABLE = "usable"
    EXPIRED = "expired"
    USED = "used"
    UNKNOWN = "unknown"


def _target(actor, person) -> SimpleNamespace:
    """What the rule "account.invite" judges: the country of the person being invited.

    Without a directory entry there is no country, so only admins may invite a bare address.
    """
    if person is None:
        return SimpleNamespace(country_id=None)
    countries = directory.person_country_ids(person)
    mine = countries & principal_for(actor).focal_country_ids
    return SimpleNamespace(country_id=next(iter(mine or countries), None))


def invitation_create(*, actor, email: str, person=None, request=None) -> Invitation:
    """Invite an email address (optionally linked to a directory entry) and send the link."""
    email = User.objects.normalize_email((email or "").strip()).lower()
    require(actor, "account.invite", _target(actor, person))
    validate_email(email)
    if person is not None and (person.user_id or person.erased_at):
        raise ValidationError(_("This person already has an account."), code="has_account")
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(_("An account with this email address already exists."))
    raw = secrets.token_urlsafe(32)
    invitation = Invitation(
        email=email,
        token_hash=hash_secret(raw),
        invited_by=actor,
        person_id=person.pk if person is not None else None,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    with transaction.atomic():
        invitation.save()
        audit.record(
            "account.invitation_created",
            actor=actor,
            obj=invitation,
            request=request,
            data={"person_id": invitation.person_id},
        )
        # Inside the transaction: if the mail cannot be handed over, no dead invitation remains.
        send_templated_mail(
            to=[email],
            subject=gettext_lazy("Your invitation to ProtectNet"),
            template="accounts/email/invitation",
            context={
                "url": settings.SITE_URL + reverse("accounts:invitation_accept", args=[raw]),
                "expires_at": invitation.expires_at,
                "days": settings.INVITATION_VALID_DAYS,
            },
        )
    return invitation


def invitation_state(token: str) -> tuple[InvitationState, Invitation | None]:
    if not token or len(token) > 100:
        return InvitationState.UNKNOWN, None
    invitation = Invitation.objects.filter(token_hash=hash_secret(token)).first()
    if invitation is None:
        return InvitationState.UNKNOWN, None
    if invitation.accepted_at is not None:
        return InvitationState.USED, invitation
    if invitation.expires_at <= timezone.now():
        return InvitationState.EXPIRED, invitation
    return InvitationState.USABLE, invitation


def invitation_accept(*, token: str, password: str, display_name: str = "", request=None) -> User:
    """Create the account the invitation is for, with the password the invitee chose."""
    with transaction.atomic():
        state, invitation = invitation_state(token)
        if state is not InvitationState.USABLE:
            raise ValidationError(_("This invitation can no longer be used."), code=state.value)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:  # accepted by a concurrent request meanwhile
            raise ValidationError(_("This invitation can no longer be used."), code="used")
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ValidationError(_("An account with this email address already exists."))
        user = User(email=invitation.email, display_name=(display_name or "").strip()[:200])
        validate_password(password, user)
        user.set_password(password)
        user.save()
        if invitation.person_id:
            directory.account_link(person_id=invitation.person_id, user=user)
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        audit.record("account.invitation_accepted", actor=user, obj=invitation, request=request)
    return user
