"""Vetting records and focal points: both change what a person may open, so both are audited."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.policy import require

from ..models import Country, FocalPoint, Membership, Person, Vetting
from .common import forget_principal, record_person


def vetting_record(
    *,
    actor,
    person: Person,
    level: str,
    verified_on: date,
    expires_on: date,
    notes: str = "",
    request=None,
) -> Vetting:
    require(actor, "network.vetting.record", person)
    if person.erased_at:
        raise ValidationError(_("This entry was erased."))
    vetting = Vetting(
        person=person,
        level=level,
        verified_by=actor,
        verified_on=verified_on,
        expires_on=expires_on,
        notes=notes,
    )
    if verified_on and expires_on and expires_on <= verified_on:
        raise ValidationError({"expires_on": [_("The expiry must come after the check date.")]})
    vetting.full_clean()
    with transaction.atomic():
        vetting.save()
        record_person(
            "network.vetting.recorded",
            actor=actor,
            person=person,
            request=request,
            data={"level": level, "expires_on": expires_on.isoformat()},
        )
    forget_principal(person.user)
    return vetting


def focal_point_add(*, actor, country: Country, person: Person, request=None) -> FocalPoint:
    require(actor, "network.focal_point.manage")
    if person.erased_at:
        raise ValidationError(_("This entry was erased."))
    # The form already offers only the country's people; this holds for any other caller too.
    works_here = Membership.objects.filter(
        Membership.current_q(), person=person, organisation__country=country
    )
    if not works_here.exists():
        raise ValidationError(_("A focal point must work for an organisation of the country."))
    if FocalPoint.objects.filter(country=country, person=person).exists():
        raise ValidationError(_("This person is already a focal point for this country."))
    focal = FocalPoint(country=country, person=person)
    focal.full_clean()
    with transaction.atomic():
        focal.save()
        audit.record(
            "network.focal_point.added",
            actor=actor,
            obj=country,
            request=request,
            data={"person_id": person.pk},
        )
    forget_principal(person.user)
    return focal


def focal_point_remove(*, actor, focal: FocalPoint, request=None) -> None:
    require(actor, "network.focal_point.manage")
    with transaction.atomic():
        audit.record(
            "network.focal_point.removed",
            actor=actor,
            obj=focal.country,
            request=request,
            data={"person_id": focal.person_id},
        )
        focal.delete()
    forget_principal(focal.person.user)
