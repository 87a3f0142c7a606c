"""A country's advisory panel: its members (each with a discipline) and its meetings."""

from dataclasses import dataclass, fields
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.markings import Marking
from protectnet.access.policy import require

from ..models import AdvisoryPanel, Country, Organisation, PanelMeeting, PanelMember, Person


@dataclass(frozen=True)
class MeetingInput:
    """A panel meeting's record; who may read AMBER or RED minutes comes beside it."""

    held_on: date
    title: str
    minutes: str = ""
    marking: str = Marking.GREEN
    owner_organisation: Organisation | None = None


MEETING_FIELDS = tuple(f.name for f in fields(MeetingInput))


def panel_create(*, actor, country: Country, name: str, remit: str = "", request=None):
    panel = AdvisoryPanel(country=country, name=name, remit=remit)
    require(actor, "network.panel.manage", panel)
    if AdvisoryPanel.objects.filter(country=country).exists():
        raise ValidationError(_("This country already has an advisory panel."))
    panel.full_clean()
    with transaction.atomic():
        panel.save()
        audit.record("network.panel.created", actor=actor, obj=panel, request=request)
    return panel


def panel_update(*, actor, panel: AdvisoryPanel, name: str, remit: str, request=None):
    require(actor, "network.panel.manage", panel)
    panel.name, panel.remit = name, remit
    panel.full_clean()
    with transaction.atomic():
        panel.save(update_fields=["name", "remit"])
        audit.record("network.panel.updated", actor=actor, obj=panel, request=request)
    return panel


def panel_member_add(
    *,
    actor,
    panel: AdvisoryPanel,
    person: Person,
    discipline: str,
    is_chair: bool = False,
    request=None,
) -> PanelMember:
    require(actor, "network.panel.manage", panel)
    if person.erased_at:
        raise ValidationError(_("This entry was erased."))
    if PanelMember.objects.filter(panel=panel, person=person).exists():
        raise ValidationError({"person": [_("This person already sits on the panel.")]})
    seat = PanelMember(panel=panel, person=person, discipline=discipline, is_chair=is_chair)
    seat.full_clean()
    with transaction.atomic():
        if is_chair:
            panel.members.filter(is_chair=True).update(is_chair=False)
        seat.save()
        audit.record(
            "network.panel.member_added",
            actor=actor,
            obj=panel,
            request=request,
            data={"person_id": person.pk, "discipline": discipline},
        )
    return seat


def panel_member_remove(*, actor, seat: PanelMember, request=None) -> None:
    require(actor, "network.panel.manage", seat.panel)
    with transaction.atomic():
        audit.record(
            "network.panel.member_removed",
            actor=actor,
            obj=seat.panel,
            request=request,
            data={"person_id": seat.person_id},
        )
        seat.delete()


def meeting_save(
    *,
    actor,
    panel: AdvisoryPanel,
    data: MeetingInput,
    shared_with=(),
    named_people=(),
    meeting: PanelMeeting | None = None,
    request=None,
) -> PanelMeeting:
    """Create (meeting=None) or update a meeting; minutes keep their TLP marking."""
    require(actor, "network.panel.manage", panel)
    creating = meeting is None
    meeting = meeting or PanelMeeting(panel=panel)
    for name in MEETING_FIELDS:
        setattr(meeting, name, getattr(data, name))
    _check_marking(meeting, list(shared_with), list(named_people))
    meeting.full_clean()
    with transaction.atomic():
        meeting.save()
        meeting.shared_with.set(shared_with if meeting.marking == Marking.AMBER else [])
        meeting.named_people.set(named_people if meeting.marking == Marking.RED else [])
        audit.record(
            "network.meeting.created" if creating else "network.meeting.updated",
            actor=actor,
            obj=meeting,
            request=request,
            data={"marking": meeting.marking},
        )
    return meeting


def _check_marking(meeting: PanelMeeting, shared_with: list, named_people: list) -> None:
    restricted = (Marking.AMBER, Marking.AMBER_STRICT)
    if meeting.marking in restricted and meeting.owner_organisation_id is None:
        raise ValidationError(
            {"owner_organisation": [_("TLP:AMBER minutes need an owning organisation.")]}
        )
    if meeting.marking == Marking.RED and not named_people:
        raise ValidationError(
            {"named_people": [_("TLP:RED minutes need at least one named person.")]}
        )
