"""The capacity report PDF, made by a worker (core.documents) and kept while its figures are
unchanged. The key is the report's filter (dimension, dates, periods) as a query string; the
check asks the same policy as the page."""

from django.http import QueryDict
from django.utils.translation import gettext as _

from protectnet.access.policy import require
from protectnet.core.documents import Job, Kind


def capacity_key(query: QueryDict) -> str:
    """The filter as the form understood it, in a fixed order (one document per filter)."""
    from .views.capacity import CapacityFilterForm

    form = CapacityFilterForm(query or None)
    data = form.cleaned_data if form.is_valid() else {}
    values = {
        "dimension": data.get("dimension") or "country",
        "start": data["start"].isoformat() if data.get("start") else "",
        "end": data["end"].isoformat() if data.get("end") else "",
        "by": data.get("by") or "year",
    }
    key = QueryDict(mutable=True)
    key.update(values)
    return key.urlencode()


def _check(user, key: str) -> QueryDict:
    require(user, "training.capacity.view")
    return QueryDict(key)


def capacity_job(user, query: QueryDict) -> Job:
    from .views.capacity import pdf_context, report_for

    _form, report = report_for(user, query)
    return Job(
        template="training/pdf/capacity.html",
        context=pdf_context(report),
        filename=f"training-capacity-{report.dimension}.pdf",
        title=_("Capacity built through training"),
    )


KINDS = {"training.capacity": Kind(check=_check, job=capacity_job)}
