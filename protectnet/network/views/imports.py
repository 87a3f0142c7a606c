"""Import: upload a file, see every bad row with its reasons, fix rows, commit all or nothing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from protectnet.access.routes import requires
from protectnet.core.exports import csv_response
from protectnet.core.forms import add_service_errors

from .. import importer, selectors
from ..forms import ImportForm, import_row_form
from ..models import ImportKind, ImportStatus

EXAMPLES = {
    ImportKind.PEOPLE: [
        "Sok Dara (fictitious)",
        "Dara",
        "dara.sok@example.org",
        "+855 12 345 678",
        "Programme officer",
        "Example Child-Rights NGO",
        "KH",
        "km, en",
        "child protection; training",
        "yes",
    ],
    ImportKind.ORGANISATIONS: [
        "Example Child-Rights NGO",
        "ECRN",
        "ngo",
        "KH",
        "",
        "https://example.org",
    ],
}
GOOD_ROWS_SHOWN = 20


@requires("network.import")
def import_start(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = importer.import_start(
                actor=request.user,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("network:import_preview", pk=batch.pk)
    status = 400 if form.errors else 200
    column_help = [(label, importer.COLUMNS[kind], kind) for kind, label in ImportKind.choices]
    context = {"form": form, "column_help": column_help}
    return render(request, "network/import_start.html", context, status=status)


@requires("network.import")
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in importer.COLUMNS:
        raise Http404
    return csv_response(f"protectnet-{kind}-template.csv", importer.COLUMNS[kind], [EXAMPLES[kind]])


@requires("network.import")
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    batch = selectors.import_batch_get(user=request.user, pk=pk)
    preview = None
    if batch.status == ImportStatus.PREVIEW:
        preview = importer.import_check(actor=request.user, batch=batch)
    context = {
        "batch": batch,
        "preview": preview,
        "columns": importer.COLUMNS[batch.kind],
        "bad_rows": [(c, _shown(batch, c.index)) for c in preview.bad] if preview else [],
        "good_rows": (
            [(c, _shown(batch, c.index)) for c in preview.checks if not c.errors][:GOOD_ROWS_SHOWN]
            if preview
            else []
        ),
    }
    return render(request, "network/import_preview.html", context)


def _shown(batch, index: int) -> dict:
    """The row's columns only (not the reader's notes, such as where formulas were)."""
    return {key: batch.rows[index].get(key, "") for key in importer.COLUMNS[batch.kind]}


@requires("network.import")
def import_row_edit(request: HttpRequest, pk: int, index: int) -> HttpResponse:
    batch = selectors.import_batch_get(user=request.user, pk=pk)
    if batch.status != ImportStatus.PREVIEW or not 0 <= index < len(batch.rows):
        raise Http404
    columns = importer.COLUMNS[batch.kind]
    form = import_row_form(columns, data=request.POST or None, initial=batch.rows[index])
    if request.method == "POST" and form.is_valid():
        preview = importer.import_row_update(
            actor=request.user, batch=batch, index=index, values=form.cleaned_data
        )
        still_bad = next((c for c in preview.bad if c.index == index), None)
        if still_bad is None:
            messages.success(request, _("Line %(line)s is fixed.") % {"line": index + 2})
            return redirect("network:import_preview", pk=pk)
        form.add_error(None, "; ".join(still_bad.errors))
    errors = _row_errors(request.user, batch, index) if request.method == "GET" else []
    context = {"batch": batch, "form": form, "line": index + 2, "errors": errors}
    return render(request, "network/import_row_form.html", context)


def _row_errors(user, batch, index: int) -> list[str]:
    preview = importer.import_check(actor=user, batch=batch)
    return next((c.errors for c in preview.bad if c.index == index), [])


@require_POST
@requires("network.import")
def import_commit(request: HttpRequest, pk: int) -> HttpResponse:
    batch = selectors.import_batch_get(user=request.user, pk=pk)
    try:
        counts = importer.import_commit(actor=request.user, batch=batch, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Imported: %(created)s added, %(updated)s updated.") % counts,
        )
    return redirect("network:import_preview", pk=pk)
