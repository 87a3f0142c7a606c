"""The alert pages' picker kinds (core/picker.py): recipient agencies and the people a RED alert
may name, searched only by a vetted member who may write alerts; and the colleagues an alert may
be shared with, searched only by those who may share that alert. Each offers exactly its form's
choices, so no other agency or officer is ever listed."""

from protectnet.access.policy import can
from protectnet.core.picker import Option
from protectnet.network.selectors import organisations_matching, people_matching

from .forms import agency_label
from .selectors import (
    nameable_people,
    recipient_organisation_choices,
    share_candidates,
    shareable_alert,
)


def agency(*, user, q: str, params, limit: int) -> list[Option]:
    if not can(user, "alerts.create"):
        return []
    found = organisations_matching(recipient_organisation_choices(user=user), q)[: limit + 1]
    return [Option(value=str(o.pk), label=agency_label(o)) for o in found]


def person(*, user, q: str, params, limit: int) -> list[Option]:
    if not can(user, "alerts.create"):
        return []
    found = people_matching(nameable_people(user=user), q)[: limit + 1]
    return [Option(value=str(p.pk), label=p.label, hint=p.job_title) for p in found]


def colleague(*, user, q: str, params, limit: int) -> list[Option]:
    alert = shareable_alert(user=user, pk=params.get("alert", ""))
    if alert is None:
        return []
    found = people_matching(share_candidates(user=user, alert=alert), q)[: limit + 1]
    return [Option(value=str(p.pk), label=p.label, hint=p.job_title) for p in found]


KINDS = {"alert_agency": agency, "alert_person": person, "alert_share": colleague}
