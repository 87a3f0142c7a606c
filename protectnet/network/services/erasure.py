"""Erasure: the person's details go, the history stays (without the name)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice

from protectnet.access.policy import require
from protectnet.accounts.models import ApiToken, Invitation, TOTPDevice

from ..models import Person
from .common import forget_principal, record_person

CLEARED = {
    "full_name": "",
    "preferred_name": "",
    "email": "",
    "phone": "",
    "job_title": "",
    "languages": [],
    "expertise": [],
    "gender": "",
    "search_text": "",
    "consent_directory": False,
    "consent_directory_at": None,
    "consent_participant_list": False,
    "consent_participant_list_at": None,
}


def person_erase(*, actor, person: Person, request=None) -> Person:
    """Remove personal fields, disable the account, keep memberships and seats as history."""
    require(actor, "network.person.erase", person)
    if person.erased_at:
        raise ValidationError(_("This entry was already erased."))
    user = person.user
    with transaction.atomic():
        for name, value in CLEARED.items():
            setattr(person, name, value)
        person.erased_at = timezone.now()
        person.save(update_fields=[*CLEARED, "erased_at", "updated_at"])
        person.vettings.update(notes="")
        person.memberships.update(title="")
        # Unused invitations carry the address: they go too.
        Invitation.objects.filter(person_id=person.pk, accepted_at__isnull=True).delete()
        if user is not None:
            _disable_account(user)
        record_person(
            "network.person.erased",
            actor=actor,
            person=person,
            request=request,
            data={"account_disabled": user is not None},
        )
    forget_principal(user)
    return person


def _disable_account(user) -> None:
    """No sign-in, no tokens, no second factor; the address is replaced by a placeholder."""
    user.is_active = False
    user.email = f"erased-{user.pk}@erased.invalid"
    user.display_name = ""
    user.set_unusable_password()
    user.save(update_fields=["is_active", "email", "display_name", "password"])
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
