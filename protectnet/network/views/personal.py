"""A person's own data: shown on a page and downloaded as JSON (no id in the address)."""

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from protectnet.access import audit

from ..personal_data import personal_data_get


def my_data(request: HttpRequest) -> HttpResponse:
    data = personal_data_get(user=request.user)
    pretty = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    return render(request, "network/my_data.html", {"data": data, "pretty": pretty})


def my_data_download(request: HttpRequest) -> HttpResponse:
    data = personal_data_get(user=request.user)
    audit.record("network.personal_data.downloaded", actor=request.user, request=request)
    body = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = f"protectnet-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
