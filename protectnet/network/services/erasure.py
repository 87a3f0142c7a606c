"""Erasure and export of a person: every app's part (see network/data_subject.py); the details
go, the history stays (without the name)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice

from protectnet.access.policy import require
from protectnet.accounts.models import ApiToken, TOTPDevice
from protectnet.core.documents import document_request
from protectnet.core.models import RenderedDocument

from ..data_subject import personal_data_erase, personal_data_export
from ..documents import PERSON_DATA
from ..models import Person
from .common import forget_principal, record_person

EXPORT_FORMATS = ("json", "pdf")


def person_erase(*, actor, person: Person, request=None) -> Person:
    """Remove personal fields in every app, disable the account, keep history rows."""
    require(actor, "network.person.erase", person)
    if person.erased_at:
        raise ValidationError(_("This entry was already erased."))
    user = person.user
    with transaction.atomic():
        # Every app erases first, while the account still has its real address.
        personal_data_erase(person=person, user=user, actor=actor)
        person.erased_at = timezone.now()
        person.save(update_fields=["erased_at", "updated_at"])
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


def person_data_export(*, actor, person: Person, fmt: str, request=None) -> dict:
    """An admin downloads everything stored about someone: one audit entry per download."""
    require(actor, "network.person.export_data", person)
    if fmt not in EXPORT_FORMATS:
        raise ValidationError(_("Unknown format."))
    data = personal_data_export(person=person, user=person.user)
    record_person(
        "network.person.data_exported",
        actor=actor,
        person=person,
        request=request,
        data={"format": fmt},
    )
    return data


def person_data_pdf(*, actor, person: Person, request=None) -> RenderedDocument:
    """The same as a PDF a worker makes (for the asking admin only); asking is audited."""
    require(actor, "network.person.export_data", person)
    asked = document_request(user=actor, kind=PERSON_DATA, key=person.pk)
    record_person(
        "network.person.data_exported",
        actor=actor,
        person=person,
        request=request,
        data={"format": "pdf"},
    )
    return asked.document


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
