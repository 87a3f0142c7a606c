"""The network app's part of a person's data: directory entry, memberships, vetting, focal-point
roles, panel seats. Found by `core.providers("personal_data")`; see docs/development.md."""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from protectnet.access.principal import principal_for
from protectnet.core.exports import iso

from .models import FocalPoint, ImportBatch, Membership, PanelMeeting, PanelMember, Person, Vetting

LABEL = "network"

MODELS = {
    "network.person": "exported; erased: every personal field cleared, consents withdrawn, "
    "the row kept (as 'Erased person') so history keeps its links",
    "network.membership": "exported; erased: job title cleared, the row kept for counts",
    "network.vetting": "exported; erased: notes cleared, dates and level kept as history",
    "network.focalpoint": "exported; kept: the link points to the erased entry",
    "network.panelmember": "exported; kept: the link points to the erased entry",
    "network.panelmeeting": "meetings naming the person (TLP:RED audience) exported by title; "
    "kept: the link points to the erased entry",
    "network.importbatch": "files the account imported exported by name; erased: committed "
    "batches whose rows mention the person lose their rows (the outcome counts stay)",
}

EXEMPT = {
    "network.organisation": "an organisation's name, not a person's",
    "network.advisorypanel": "a panel's name and remit, not a person's",
}

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
    "name_key": "",
    "consent_directory": False,
    "consent_directory_at": None,
    "consent_participant_list": False,
    "consent_participant_list_at": None,
}

ERASED_REPR = "Erased person"


def _entry(person: Person) -> dict:
    names = ("full_name", "preferred_name", "email", "phone", "job_title", "languages")
    names += ("expertise", "gender", "consent_directory", "consent_participant_list")
    dates = ("consent_directory_at", "consent_participant_list_at", "created_at", "updated_at")
    return (
        {"id": person.pk}
        | {n: getattr(person, n) for n in names}
        | {n: iso(getattr(person, n)) for n in dates}
    )


def _memberships(person: Person) -> list[dict]:
    rows = Membership.objects.filter(person=person).select_related("organisation__country")
    return [
        {
            "organisation": m.organisation.name,
            "country": str(m.organisation.country.code),
            "title": m.title,
            "start_date": iso(m.start_date),
            "end_date": iso(m.end_date),
        }
        for m in rows
    ]


def _directory(person: Person) -> dict:
    vettings = Vetting.objects.filter(person=person)
    focal = FocalPoint.objects.filter(person=person).select_related("country")
    seats = PanelMember.objects.filter(person=person).select_related("panel")
    meetings = PanelMeeting.objects.filter(named_people=person).select_related("panel")
    return {
        "directory_entry": _entry(person),
        "memberships": _memberships(person),
        "vetting": [
            {
                "level": v.level,
                "verified_on": iso(v.verified_on),
                "expires_on": iso(v.expires_on),
                "notes": v.notes,
            }
            for v in vettings
        ],
        "focal_point_for": [str(f.country.code) for f in focal],
        "advisory_panels": [
            {"panel": s.panel.name, "discipline": s.discipline, "chair": s.is_chair} for s in seats
        ],
        "panel_meetings_naming_you": [
            {"panel": m.panel.name, "title": m.title, "held_on": iso(m.held_on)} for m in meetings
        ],
    }


def export(*, person, user) -> dict:
    data: dict = {}
    if user is not None:
        data["roles"] = sorted(str(r) for r in principal_for(user).roles)
        batches = ImportBatch.objects.filter(created_by=user).only("filename", "kind", "created_at")
        data["imports"] = [
            {"file": b.filename, "kind": b.kind, "created_at": iso(b.created_at)} for b in batches
        ]
    if person is not None and person.erased_at is None:
        data.update(_directory(person))
    return data


def erase(*, person, user, actor) -> None:
    if person is None:
        return
    traces = [v for v in (person.full_name, person.email, person.preferred_name) if v]
    for name, value in CLEARED.items():
        setattr(person, name, value)
    person.save(update_fields=[*CLEARED, "updated_at"])
    Vetting.objects.filter(person=person).update(notes="")
    Membership.objects.filter(person=person).update(title="")
    _forget_in_admin_log(person)
    _forget_in_imports(traces)


def _forget_in_admin_log(person: Person) -> None:
    """Django's admin history copies str(obj) at the time of each change."""
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk)
    ).update(object_repr=ERASED_REPR, change_message="")


def _forget_in_imports(traces: list[str]) -> None:
    """A committed batch only keeps its rows for the record; a row naming the person goes."""
    if not traces:
        return
    lowered = [t.lower() for t in traces]
    batches = ImportBatch.objects.filter(status="committed").only("pk", "rows")
    for batch in batches.iterator(chunk_size=100):
        kept = [row for row in batch.rows if not any(t in str(row).lower() for t in lowered)]
        if len(kept) != len(batch.rows):
            batch.rows = kept
            batch.save(update_fields=["rows"])
