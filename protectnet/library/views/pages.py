from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from protectnet.access.routes import requires

from .. import selectors


@requires("library.findings.view")
def findings_list(request: HttpRequest) -> HttpResponse:
    """For the secretariat: resources whose summary or text carries terminology findings."""
    return render(
        request,
        "library/findings.html",
        {
            "resources": selectors.findings_list(user=request.user)[:200],
            "unreadable": selectors.unreadable_files(user=request.user)[:100],
        },
    )
