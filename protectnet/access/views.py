"""The audit log page (admins only: the route guard and the SCOPES entry both say so)."""

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from protectnet.core.exports import csv_response
from protectnet.core.pagination import paginate

from . import audit, selectors, services
from .forms import AuditFilterForm
from .routes import requires

PAGE_SIZE = 50
CSV_HEADER = ["seq", "time", "actor", "action", "object_type", "object_id", "object", "ip", "data"]


def _filters(request) -> tuple[AuditFilterForm, dict]:
    form = AuditFilterForm(request.GET or None)
    return form, form.filters()


@requires("audit.view")
def audit_list(request: HttpRequest) -> HttpResponse:
    audit.seal()  # show the head as of now: partners copy it to check the log later
    form, filters = _filters(request)
    entries = selectors.audit_entry_list(user=request.user, **filters)
    page = paginate(request, entries, per_page=PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page,
        "entries": selectors.audit_actors_named(page.object_list),
        "querystring": query.urlencode(),
        "vocabulary": selectors.audit_vocabulary(user=request.user),
        "sealed_head": audit.sealed_head(),
    }
    return render(request, "access/audit_list.html", context)


@requires("audit.view")
def audit_export(request: HttpRequest) -> HttpResponse:
    _form, filters = _filters(request)
    entries = services.audit_export(actor=request.user, filters=filters, request=request)
    rows = (
        [
            e.seq,
            e.created_at.isoformat(),
            e.actor_label,
            e.action,
            e.object_type,
            e.object_id,
            e.object_repr,
            e.ip or "",
            json.dumps(e.data, ensure_ascii=False, sort_keys=True),
        ]
        for e in entries.iterator(chunk_size=2000)
    )
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    return csv_response(f"audit-{stamp}.csv", CSV_HEADER, rows)
