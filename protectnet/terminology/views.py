from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from protectnet.access.policy import can
from protectnet.access.routes import requires

from . import selectors, services
from .forms import CheckForm, TermForm


def highlight(text: str, findings) -> list[tuple[str, object]]:
    """The text cut into (piece, finding or None) for <mark>ing the findings in place."""
    pieces, last = [], 0
    for f in findings:
        if f.start < last:
            continue
        pieces.append((text[last : f.start], None))
        pieces.append((text[f.start : f.end], f))
        last = f.end
    pieces.append((text[last:], None))
    return [p for p in pieces if p[0]]


@requires("terminology.check")
def check(request):
    form = CheckForm(request.POST or None)
    findings, pieces, result = None, [], None
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        result = services.check_report(text, include_info=form.cleaned_data["include_info"])
        findings, pieces = result.findings, highlight(text, result.findings)
    context = {"form": form, "findings": findings, "pieces": pieces, "result": result}
    if request.headers.get("HX-Request") and request.method == "POST":
        return render(request, "terminology/_results.html", {**context, "oob": True})
    return render(request, "terminology/check.html", context)


@requires("terminology.term.view")
def term_list(request):
    terms = selectors.term_list(user=request.user)
    can_manage = can(request.user, "terminology.term.manage")
    return render(request, "terminology/term_list.html", {"terms": terms, "can_manage": can_manage})


@requires("terminology.term.manage")
def term_create(request):
    form = TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = services.TermInput(**form.cleaned_data)
        term = services.term_create(actor=request.user, data=data, request=request)
        messages.success(request, _("The term “%(label)s” was added.") % {"label": term.label})
        return redirect("terminology:term_list")
    return render(request, "terminology/term_form.html", {"form": form, "term": None})


@requires("terminology.term.manage")
def term_edit(request, pk: int):
    term = selectors.term_get(user=request.user, id=pk)
    form = TermForm(request.POST or None, instance=selectors.term_get(user=request.user, id=pk))
    if request.method == "POST" and form.is_valid():
        data = services.TermInput(**form.cleaned_data)
        services.term_update(actor=request.user, term=term, data=data, request=request)
        messages.success(request, _("The term “%(label)s” was saved.") % {"label": term.label})
        return redirect("terminology:term_list")
    return render(request, "terminology/term_form.html", {"form": form, "term": term})
