"""A person's data: their own, shown on a page and downloaded as JSON or PDF (no id in the
address), and anyone's for a network admin from the person page (audited per download). The PDF
is made by a worker (network/documents.py): the address answers with its progress page."""

import json

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from protectnet.access.routes import requires
from protectnet.core import documents

from .. import selectors, services
from ..data_subject import personal_data_get


@requires("network.personal_data.view")
def my_data(request: HttpRequest) -> HttpResponse:
    data = personal_data_get(user=request.user)
    pretty = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    return render(request, "network/my_data.html", {"data": data, "pretty": pretty})


@requires("network.personal_data.view")
def my_data_download(request: HttpRequest) -> HttpResponse:
    data = services.personal_data_download(user=request.user, request=request)
    return _download(data, "protectnet-my-data")


@requires("network.personal_data.view")
def my_data_pdf(request: HttpRequest) -> HttpResponse:
    return documents.respond(services.personal_data_pdf(user=request.user, request=request))


@requires("network.person.export_data")
def person_data_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    person = selectors.person_for_change(
        user=request.user, pk=pk, action="network.person.export_data"
    )
    if fmt == "pdf":
        doc = services.person_data_pdf(actor=request.user, person=person, request=request)
        return documents.respond(doc)
    try:
        data = services.person_data_export(
            actor=request.user, person=person, fmt=fmt, request=request
        )
    except ValidationError:
        raise Http404 from None
    return _download(data, f"protectnet-person-{person.pk}-data")


def _download(data: dict, stem: str) -> HttpResponse:
    name = f"{stem}-{timezone.localdate().isoformat()}.json"
    body = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
