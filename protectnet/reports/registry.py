"""The reports hub: each entry shows only when the policy lets the user open its page."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from protectnet.access.guard import route_action
from protectnet.access.policy import can


@dataclass(frozen=True)
class ReportLink:
    title: str
    description: str
    route: str


REPORTS = [
    ReportLink(
        _("Network overview"),
        _("Countries, member organisations by sector, people and focal points."),
        "reports:network_overview",
    ),
    ReportLink(
        _("Regional workshops"),
        _("The series compared edition by edition: reach, attendance, satisfaction, outcomes."),
        "workshops:series_report",
    ),
    ReportLink(
        _("Training capacity"),
        _("People trained per country, agency and course; completion and knowledge gain."),
        "training:capacity",
    ),
    ReportLink(
        _("Partner alert statistics"),
        _("Alerts by type, country and month; time to acknowledgement. No personal data."),
        "alerts:stats",
    ),
]


def reports_for(user) -> list[dict]:
    links = []
    for report in REPORTS:
        action = route_action(report.route)
        if not action or not can(user, action):
            continue
        try:
            url = reverse(report.route)
        except NoReverseMatch:
            continue
        links.append({"title": report.title, "description": report.description, "url": url})
    return links
