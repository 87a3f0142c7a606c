"""The public certificate verification page: anyone with the code (from the QR) may check it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from protectnet.access.routes import requires

from ..forms import VerifyForm
from ..verification import Throttled, verify


@never_cache
@requires("training.certificate.verify")
def certificate_verify_form(request: HttpRequest) -> HttpResponse:
    form = VerifyForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("training:certificate_verify", code=form.cleaned_data["code"])
    return render(request, "training/verify.html", {"form": form, "checked": False})


@never_cache
@requires("training.certificate.verify")
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    try:
        certificate = verify(request, code)
    except Throttled:
        return render(request, "training/verify_throttled.html", status=429)
    response = render(
        request,
        "training/verify.html",
        {"form": VerifyForm(), "checked": True, "certificate": certificate},
        status=200 if certificate else 404,
    )
    # The code is a bearer secret: keep it out of the Referer sent to any other site.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
