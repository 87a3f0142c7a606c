"""Organisations: created and changed by admins (anywhere) and focal points (their country)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from protectnet.access import audit
from protectnet.access.policy import require

from ..models import Organisation

FIELDS = ("name", "acronym", "sector", "country", "parent", "website", "verified")


def organisation_create(*, actor, fields: dict, request=None) -> Organisation:
    organisation = Organisation(**{k: v for k, v in fields.items() if k in FIELDS})
    require(actor, "network.organisation.create", organisation)
    organisation.full_clean()
    with transaction.atomic():
        organisation.save()
        audit.record("network.organisation.created", actor=actor, obj=organisation, request=request)
    return organisation


def organisation_update(*, actor, organisation: Organisation, fields: dict, request=None):
    """Both the old and the new country must be the actor's: no moving an entry out of reach."""
    require(actor, "network.organisation.change", organisation)
    changed = []
    for name, value in fields.items():
        if name in FIELDS and getattr(organisation, name) != value:
            setattr(organisation, name, value)
            changed.append(name)
    require(actor, "network.organisation.change", organisation)
    if organisation.parent_id and organisation.parent_id == organisation.pk:
        raise ValidationError({"parent": ["An organisation cannot be its own parent."]})
    organisation.full_clean()
    if changed:
        with transaction.atomic():
            organisation.save(update_fields=changed)
            audit.record(
                "network.organisation.updated",
                actor=actor,
                obj=organisation,
                request=request,
                data={"fields": changed},
            )
    return organisation
