from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def audit_list(request: HttpRequest) -> HttpResponse:
    return render(request, "access/audit_list.html")


def audit_export(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")
