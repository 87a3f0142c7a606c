"""Organisations: created and changed by admins (anywhere) and focal points (their country)."""

from dataclasses import dataclass, fields

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.policy import require

from ..models import Country, Organisation


@dataclass(frozen=True)
class OrganisationInput:
    """An organisation's entry: the page's form and the API both produce one."""

    name: str
    sector: str
    country: Country
    acronym: str = ""
    parent: Organisation | None = None
    website: str = ""
    verified: bool = False

    @classmethod
    def of(cls, organisation: Organisation) -> "OrganisationInput":
        """The entry as it is now (the base a partial change starts from)."""
        return cls(**{name: getattr(organisation, name) for name in FIELDS})


FIELDS = tuple(f.name for f in fields(OrganisationInput))


def organisation_create(*, actor, data: OrganisationInput, request=None) -> Organisation:
    organisation = Organisation(**{name: getattr(data, name) for name in FIELDS})
    require(actor, "network.organisation.create", organisation)
    organisation.full_clean()
    organisation.refresh_search_text()
    with transaction.atomic():
        organisation.save()
        audit.record("network.organisation.created", actor=actor, obj=organisation, request=request)
    return organisation


def organisation_update(
    *, actor, organisation: Organisation, data: OrganisationInput, request=None
):
    """Both the old and the new country must be the actor's: no moving an entry out of reach."""
    require(actor, "network.organisation.change", organisation)
    changed = []
    for name in FIELDS:
        value = getattr(data, name)
        if getattr(organisation, name) != value:
            setattr(organisation, name, value)
            changed.append(name)
    require(actor, "network.organisation.change", organisation)
    if organisation.parent_id and organisation.parent_id == organisation.pk:
        raise ValidationError({"parent": [_("An organisation cannot be its own parent.")]})
    organisation.full_clean()
    if changed:
        organisation.refresh_search_text()
        with transaction.atomic():
            organisation.save(update_fields=[*changed, "search_text"])
            audit.record(
                "network.organisation.updated",
                actor=actor,
                obj=organisation,
                request=request,
                data={"fields": changed},
            )
    return organisation
