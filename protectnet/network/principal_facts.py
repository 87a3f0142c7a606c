"""What the directory tells the access policy about a user (see access/principal.py).

Memberships, vetting and focal points live here; access asks every app's `principal_facts` provider
for these facts, so access imports no feature app and the dependency keeps pointing downward.
"""

from django.utils import timezone

from .models import FocalPoint, Membership, Person, Sector, Vetting, VettingLevel

LE_VETTING_LEVELS = (VettingLevel.LAW_ENFORCEMENT, VettingLevel.ENHANCED)


def facts(user) -> dict:
    person_id = (
        Person.objects.filter(user=user, erased_at__isnull=True)
        .values_list("id", flat=True)
        .first()
    )
    if person_id is None:
        return {}
    org_ids, le_org_ids, country_ids = set(), set(), set()
    rows = Membership.objects.filter(Membership.current_q(), person_id=person_id).values_list(
        "organisation_id", "organisation__sector", "organisation__country_id"
    )
    for org_id, sector, country_id in rows:
        org_ids.add(org_id)
        country_ids.add(country_id)
        if sector == Sector.LAW_ENFORCEMENT:
            le_org_ids.add(org_id)
    focal = set(FocalPoint.objects.filter(person_id=person_id).values_list("country_id", flat=True))
    return {
        "person_id": person_id,
        "organisation_ids": frozenset(org_ids),
        "le_organisation_ids": frozenset(le_org_ids),
        "country_ids": frozenset(country_ids),
        "focal_country_ids": frozenset(focal),
        "le_vetting_current": bool(le_org_ids) and _vetted(person_id),
    }


def _vetted(person_id: int) -> bool:
    today = timezone.localdate()
    return Vetting.objects.filter(
        person_id=person_id,
        level__in=LE_VETTING_LEVELS,
        verified_on__lte=today,
        expires_on__gt=today,
    ).exists()
