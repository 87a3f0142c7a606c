"""Audited hand-outs of participant data: the participant list export and the printed badges.

The views build the file; recording who took which data out goes through here, with the same
action the page declares."""

from protectnet.access import audit
from protectnet.access.policy import require

from ..models import Workshop


def participants_exported(*, actor, workshop: Workshop, fmt: str, rows: int, request=None) -> None:
    require(actor, "workshops.registration.list", workshop)
    audit.record(
        "workshops.participants.export",
        actor=actor,
        obj=workshop,
        request=request,
        data={"format": fmt, "rows": rows},
    )


def badges_printed(*, actor, workshop: Workshop, badges: int, request=None) -> None:
    require(actor, "workshops.checkin", workshop)
    audit.record(
        "workshops.badges.print",
        actor=actor,
        obj=workshop,
        request=request,
        data={"badges": badges},
    )
