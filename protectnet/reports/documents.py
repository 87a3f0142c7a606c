"""The network overview PDF, made by a worker (core.documents) and kept while its figures are
unchanged: the same policy as the page decides who may ask for it."""

from django.http import Http404
from django.utils.translation import gettext as _

from protectnet.access.policy import require
from protectnet.core.documents import Job, Kind

# One overview for the whole network; what a reader sees of it is in the HTML (and its version).
KEY = "network"


def _check(user, key):
    require(user, "reports.view")
    if key != KEY:
        raise Http404
    return KEY


def overview_job(user, _key) -> Job:
    from .views import overview_context  # the page's context, so the two never differ

    return Job(
        template="reports/network_overview_pdf.html",
        context=overview_context(user),
        filename="network-overview.pdf",
        title=_("Network overview"),
    )


KINDS = {"reports.network_overview": Kind(check=_check, job=overview_job)}
