"""The workshop PDFs a worker makes (core.documents): badges, the funder's report, the series
report. Each check asks the same policy as the page that offers the PDF."""

import segno
from django.utils.translation import gettext as _

from protectnet.access.policy import require
from protectnet.core.documents import Job, Kind

from . import report
from .models import RegistrationStatus
from .selectors import editions as sel
from .selectors import registrations as regs
from .services import checkin as checkin_svc

# Two A4 pages of badges (2 across, 4 down) per WeasyPrint run: progress moves every 16 people.
BADGES_PER_PART = 16


def _workshop(action: str):
    def check(user, key):
        workshop = sel.workshop_get(user=user, id=int(key))
        require(user, action, workshop)
        return workshop

    return check


def _series(user, key):
    series = sel.series_get(user=user, id=int(key))
    require(user, "workshops.report.view", series)
    return series


def _qr_data_uri(text: str) -> str:
    return segno.make(text, error="m").svg_data_uri(scale=3, border=1)


def badge_of(registration) -> dict:
    """One badge: the registration and its signed QR code (the participant's own copy too)."""
    return {"registration": registration, "qr": _qr_data_uri(checkin_svc.badge_token(registration))}


def badges_job(user, workshop) -> Job:
    people = regs.registration_list(
        user=user, workshop=workshop, status=RegistrationStatus.REGISTERED
    )
    badges = [badge_of(r) for r in people]
    parts = [
        {"badges": badges[i : i + BADGES_PER_PART]} for i in range(0, len(badges), BADGES_PER_PART)
    ]
    return Job(
        template="workshops/pdf/badges.html",
        context={"workshop": workshop, "badge_count": len(badges)},
        filename=f"workshop-{workshop.pk}-badges.pdf",
        title=_("Badges: %(workshop)s") % {"workshop": workshop.title},
        parts=parts or [{"badges": []}],
    )


def report_job(user, workshop) -> Job:
    return Job(
        template="workshops/pdf/report.html",
        context=report.workshop_report(workshop),
        filename=f"workshop-{workshop.pk}-report.pdf",
        title=_("Report: %(workshop)s") % {"workshop": workshop.title},
    )


def series_job(user, series) -> Job:
    workshops = list(sel.series_workshops(user=user, series=series))
    return Job(
        template="workshops/pdf/series.html",
        context={"series": series, **report.series_report(workshops)},
        filename=f"series-{series.pk}-report.pdf",
        title=_("Series report: %(series)s") % {"series": series.name},
    )


KINDS = {
    "workshops.badges": Kind(check=_workshop("workshops.checkin"), job=badges_job),
    "workshops.report": Kind(check=_workshop("workshops.report.view"), job=report_job),
    "workshops.series_report": Kind(check=_series, job=series_job),
}
