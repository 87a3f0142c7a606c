"""PDFs made by a worker, with progress, and kept while their data has not changed.

An app declares what it renders in `protectnet/<app>/documents.py`: `KINDS = {"workshops.badges":
Kind(...)}`. A kind's `check(user, key)` asks the access policy for the object (raising as the
app's selectors do); its `job(user, obj)` says which template, context and parts to render. Large
documents come in parts (ten badges each): each part is one WeasyPrint run, the worker records
how many are done, and the parts are joined into one file at the end.

The data version is the SHA-256 of the HTML: rendering the templates takes milliseconds where
WeasyPrint takes seconds, so the same request for unchanged data is answered with the stored
file, and any change to what the PDF shows (a new registration, a corrected name) makes a new one.

A private kind (someone's personal data) is its requester's alone: never handed to anyone else
who asks, deleted once downloaded, and kept at most PRIVATE_KEEP when nobody fetches it.

A PDF is written in the language of the person who asks: the task carries it to the worker
(which has no request, so no language of its own), and each language is its own stored file.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from . import languages
from .background import enqueue
from .files import Area, download
from .models import RenderedDocument
from .pdf import pdf_response, render_pdf
from .providers import providers

log = logging.getLogger(__name__)

FILES = Area("rendered")
# A document is a cache: a day after it was made it is deleted (it may hold names).
KEEP = timedelta(days=1)
# A private document (someone's personal data) nobody fetched: the hourly purge takes it then.
PRIVATE_KEEP = timedelta(hours=1)
# A request that finds the same document still queued this recently waits for it instead.
STILL_COMING = timedelta(minutes=15)
Status = RenderedDocument.Status


@dataclass(frozen=True)
class Job:
    template: str
    context: dict
    filename: str
    title: str
    # Extra context for each part, rendered in order and joined; one part for a short report.
    parts: list[dict] = field(default_factory=lambda: [{}])


@dataclass(frozen=True)
class Kind:
    check: Callable  # (user, key) -> the object, or raises Http404 / PermissionDenied
    job: Callable  # (user, obj) -> Job
    private: bool = False  # personal data: the requester's only, gone once downloaded


@cache
def kinds() -> dict[str, Kind]:
    found: dict[str, Kind] = {}
    for module in providers("documents"):
        if module.__name__ != __name__:  # this registry is core's own "documents" module
            found.update(module.KINDS)
    return found


def _html(job: Job, part: dict, generated) -> str:
    return render_to_string(job.template, {**job.context, **part, "generated": generated})


def data_version(job: Job) -> str:
    digest = hashlib.sha256(job.template.encode())
    for part in job.parts:
        digest.update(_html(job, part, None).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Requested:
    document: RenderedDocument
    obj: object  # what the kind's check returned (the workshop)
    job: Job


def document_request(*, user, kind: str, key) -> Requested:
    """The document for `user`, in the active language (theirs: see accounts/middleware.py): the
    stored one if its data is unchanged, one already being made, or a new one queued."""
    language = languages.current()
    entry = kinds()[kind]
    obj = entry.check(user, str(key))
    job = entry.job(user, obj)
    version = data_version(job)
    same = RenderedDocument.objects.filter(
        kind=kind, key=str(key), version=version, language=language
    )
    if entry.private:
        same = same.filter(requested_by=user)
    ready = same.filter(status=Status.DONE).order_by("-finished_at").first()
    if ready:
        return Requested(ready, obj, job)
    coming = same.filter(
        requested_by=user,
        status__in=[Status.QUEUED, Status.RUNNING],
        created_at__gte=timezone.now() - STILL_COMING,
    ).first()
    if coming:
        return Requested(coming, obj, job)
    doc = RenderedDocument.objects.create(
        kind=kind,
        key=str(key),
        version=version,
        language=language,
        requested_by=user,
        title=job.title,
        filename=job.filename,
        parts_total=len(job.parts),
    )
    enqueue(_render_task(), doc.pk, language)
    doc.refresh_from_db()
    return Requested(doc, obj, job)


def _render_task():
    from .tasks import document_render  # the task module imports this one

    return document_render


def _progress(doc: RenderedDocument, **values) -> None:
    RenderedDocument.objects.filter(pk=doc.pk).update(**values)


def render(doc_id: int, language: str = "") -> str:
    """The worker's part: check again, render each part, join them, store the file, in the
    language of the person who asked (`language`, from the task; older tasks: the row's)."""
    doc = RenderedDocument.objects.select_related("requested_by").filter(pk=doc_id).first()
    if doc is None or doc.status == Status.DONE:
        return "gone" if doc is None else "done already"
    language = languages.supported(language or doc.language) or settings.LANGUAGE_CODE
    with translation.override(language):
        return _render(doc)


def _render(doc: RenderedDocument) -> str:
    entry = kinds()[doc.kind]
    try:
        # The requester may have lost the right since asking: the worker asks the policy again.
        user = doc.requested_by
        job = entry.job(user, entry.check(user, doc.key))
    except (Http404, PermissionDenied, ObjectDoesNotExist):
        _progress(
            doc,
            status=Status.FAILED,
            error=gettext_noop("You can no longer see what it is made from."),
        )
        return "refused"
    _progress(doc, status=Status.RUNNING, parts_done=0, parts_total=len(job.parts))
    try:
        data = _joined(_rendered_parts(doc, job))
    except Exception:
        _progress(
            doc, status=Status.FAILED, error=gettext_noop("The PDF could not be made; try again.")
        )
        raise  # the task's result keeps the traceback for whoever looks
    name = FILES.save(f"{doc.token[:2]}/{doc.token}.pdf", data)
    _progress(doc, status=Status.DONE, stored_name=name, finished_at=timezone.now())
    return "done"


def _rendered_parts(doc: RenderedDocument, job: Job) -> list[bytes]:
    generated = timezone.now()
    pieces = []
    for done, part in enumerate(job.parts, start=1):
        pieces.append(render_pdf(job.template, {**job.context, **part, "generated": generated}))
        _progress(doc, parts_done=done)
    return pieces


def _joined(pieces: list[bytes]) -> bytes:
    if len(pieces) == 1:
        return pieces[0]
    from pypdf import PdfWriter

    writer = PdfWriter()
    for piece in pieces:
        writer.append(io.BytesIO(piece))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def respond(doc: RenderedDocument) -> HttpResponse:
    """The file if it is ready, else the page that shows its progress."""
    if doc.status == Status.DONE and is_private(doc):
        # Read whole and deleted before answering: no copy stays (nor a signed address to one).
        data = FILES.read(doc.stored_name)
        discard([doc])
        return pdf_response(data, doc.filename)
    if doc.status == Status.DONE:
        return download(
            FILES, doc.stored_name, filename=doc.filename, content_type="application/pdf"
        )
    return redirect("core:document_status", doc.token)


def document_for(*, user, token: str) -> RenderedDocument:
    """The requester's own document, checked again against the kind's policy (404 otherwise)."""
    doc = RenderedDocument.objects.filter(token=token, requested_by=user).first()
    if doc is None or doc.kind not in kinds():
        raise Http404
    kinds()[doc.kind].check(user, doc.key)
    return doc


def discard(documents) -> int:
    """Delete documents and their files (after the rows, so no row names a missing file)."""
    rows = list(documents)
    with transaction.atomic():
        RenderedDocument.objects.filter(pk__in=[d.pk for d in rows]).delete()
    for doc in rows:
        if doc.stored_name:
            FILES.delete(doc.stored_name)
    return len(rows)


def is_private(doc: RenderedDocument) -> bool:
    entry = kinds().get(doc.kind)
    return entry is not None and entry.private


def purge_old() -> int:
    now = timezone.now()
    private = [name for name, entry in kinds().items() if entry.private]
    old = RenderedDocument.objects.filter(created_at__lt=now - KEEP)
    unfetched = RenderedDocument.objects.filter(kind__in=private, created_at__lt=now - PRIVATE_KEEP)
    return discard(old | unfetched)
