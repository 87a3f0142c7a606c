"""Outcomes of a workshop (commitments recorded at and after it)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from protectnet.access.policy import visible
from protectnet.network import selectors as directory
from protectnet.network.models import Country

from ..models import Outcome, Workshop


def outcome_list(*, user, workshop: Workshop) -> QuerySet:
    return (
        visible(user, Outcome.objects.filter(workshop=workshop))
        .select_related("owner_organisation", "contact")
        .prefetch_related("countries")
    )


def outcome_get(*, user, id, workshop: Workshop | None = None) -> Outcome:
    qs = Outcome.objects.select_related("workshop", "owner_organisation")
    if workshop is not None:
        qs = qs.filter(workshop=workshop)
    return get_object_or_404(visible(user, qs.prefetch_related("countries")), pk=id)


def country_ids_by_code(codes) -> dict[str, int]:
    """ISO code -> id for the codes that exist (the caller reports the unknown ones)."""
    return dict(Country.objects.filter(code__in=codes).values_list("code", "pk"))


def outcome_choices(*, user) -> dict:
    """What an outcome's form may offer: the organisations and people the reader may see."""
    return {
        "organisations": directory.organisation_choices(user=user).order_by("name"),
        "people": directory.person_list(user=user),
    }
