"""Everything stored about the signed-in person, for them to see and download (data access).

Other apps add their part with a module `<app>/personal_data.py` exposing
`collect(user, person) -> dict` (JSON-serialisable); the network app imports none of them.
"""

from functools import cache
from importlib import import_module

from django.conf import settings

from protectnet.access.principal import principal_for

from .models import FocalPoint, Membership, PanelMember, Person, Vetting


def _date(value):
    return value.isoformat() if value else None


def _person(person: Person) -> dict:
    return {
        "id": person.pk,
        "full_name": person.full_name,
        "preferred_name": person.preferred_name,
        "email": person.email,
        "phone": person.phone,
        "job_title": person.job_title,
        "languages": person.languages,
        "expertise": person.expertise,
        "gender": person.gender,
        "consent_directory": person.consent_directory,
        "consent_directory_at": _date(person.consent_directory_at),
        "consent_participant_list": person.consent_participant_list,
        "consent_participant_list_at": _date(person.consent_participant_list_at),
        "created_at": _date(person.created_at),
        "updated_at": _date(person.updated_at),
    }


def _network(person: Person) -> dict:
    memberships = Membership.objects.filter(person=person).select_related("organisation__country")
    vettings = Vetting.objects.filter(person=person)
    focal = FocalPoint.objects.filter(person=person).select_related("country")
    seats = PanelMember.objects.filter(person=person).select_related("panel__country")
    return {
        "memberships": [
            {
                "organisation": m.organisation.name,
                "country": str(m.organisation.country.code),
                "title": m.title,
                "start_date": _date(m.start_date),
                "end_date": _date(m.end_date),
            }
            for m in memberships
        ],
        "vetting": [
            {
                "level": v.level,
                "verified_on": _date(v.verified_on),
                "expires_on": _date(v.expires_on),
                "notes": v.notes,
            }
            for v in vettings
        ],
        "focal_point_for": [str(f.country.code) for f in focal],
        "advisory_panels": [
            {"panel": s.panel.name, "discipline": s.discipline, "chair": s.is_chair} for s in seats
        ],
    }


def _account(user) -> dict:
    from protectnet.accounts.models import TOTPDevice

    return {
        "email": user.email,
        "display_name": getattr(user, "display_name", ""),
        "date_joined": _date(user.date_joined),
        "last_login": _date(user.last_login),
        "second_factor": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        "roles": sorted(str(r) for r in principal_for(user).roles),
    }


@cache
def _providers() -> tuple:
    modules = []
    for app in settings.INSTALLED_APPS:
        if not app.startswith("protectnet.") or app == "protectnet.network":
            continue
        name = f"{app}.personal_data"
        try:
            modules.append((app.rsplit(".", 1)[-1], import_module(name)))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return tuple(modules)


def personal_data_get(*, user) -> dict:
    """The signed-in user's own data only: there is no argument naming another person."""
    person = Person.objects.filter(user=user, erased_at__isnull=True).first()
    data: dict = {"account": _account(user)}
    if person is not None:
        data["directory_entry"] = _person(person)
        data.update(_network(person))
    for label, module in _providers():
        data[label] = module.collect(user, person)
    return data
