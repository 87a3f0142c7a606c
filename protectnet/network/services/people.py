"""People and their memberships: admins everywhere, focal points for their own country."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import require

from ..models import Country, Membership, Organisation, Person
from .common import PersonInput, apply_person_fields, forget_principal, record_person


def person_create(
    *, actor, data: PersonInput, organisation: Organisation, title: str = "", request=None
) -> Person:
    """A new directory entry, always in an organisation (that is what places it in a country)."""
    require(actor, "network.person.create", organisation)
    person = Person()
    apply_person_fields(person, data, country_code=str(organisation.country.code))
    person.full_clean()
    with transaction.atomic():
        person.save()
        membership = Membership(person=person, organisation=organisation, title=title)
        membership.full_clean()
        membership.save()
        record_person(
            "network.person.created",
            actor=actor,
            person=person,
            request=request,
            data={"organisation_id": organisation.pk},
        )
    return person


def person_update(*, actor, person: Person, data: PersonInput, request=None) -> Person:
    require(actor, "network.person.change", person)
    if person.erased_at:
        raise ValidationError(_("This entry was erased and cannot be changed."))
    countries = person.country_ids()
    code = ""
    if countries:
        code = str(Country.objects.get(pk=min(countries)).code)
    changed = apply_person_fields(person, data, country_code=code)
    person.full_clean()
    with transaction.atomic():
        person.save(update_fields=[*changed, "updated_at"])
        record_person(
            "network.person.updated",
            actor=actor,
            person=person,
            request=request,
            data={"fields": [c for c in changed if c not in Person.SEARCH_FIELDS]},
        )
    return person


def membership_add(
    *,
    actor,
    person: Person,
    organisation: Organisation,
    title: str = "",
    start_date: date | None = None,
    request=None,
) -> Membership:
    """Both sides must be the actor's: the person (to change) and the organisation (to join)."""
    require(actor, "network.person.change", person)
    require(actor, "network.person.create", organisation)
    membership = Membership(
        person=person, organisation=organisation, title=title, start_date=start_date
    )
    membership.full_clean()
    with transaction.atomic():
        membership.save()
        record_person(
            "network.membership.added",
            actor=actor,
            person=person,
            request=request,
            data={"organisation_id": organisation.pk},
        )
    forget_principal(person.user)
    return membership


def membership_end(
    *, actor, membership: Membership, end_date: date | None = None, request=None
) -> Membership:
    """End a membership (history is kept: the row stays with its dates)."""
    require(actor, "network.person.change", membership.person)
    require(actor, "network.person.create", membership.organisation)
    if end_date is None:
        # Ended now: from yesterday, so it stops counting today (unless it started today).
        yesterday = timezone.localdate() - timezone.timedelta(days=1)
        end_date = max(yesterday, membership.start_date or yesterday)
    membership.end_date = end_date
    membership.full_clean()
    with transaction.atomic():
        membership.save(update_fields=["end_date"])
        record_person(
            "network.membership.ended",
            actor=actor,
            person=membership.person,
            request=request,
            data={"organisation_id": membership.organisation_id},
        )
    forget_principal(membership.person.user)
    return membership
