"""Core's part of a person's data: the emails sent to them (who, what, when; the content is
cleared once delivered), and the PDFs made for them. Found by `core.providers("personal_data")`."""

from protectnet.core.exports import iso

from . import documents
from .models import OutboundEmail, RenderedDocument, recipient_key

LABEL = "emails"

MODELS = {
    "core.outboundemail": "emails to the person's address exported (subject, kind, status, "
    "dates); erased: deleted",
    "core.rendereddocument": "PDFs the person asked for exported (title, status, dates); erased: "
    "every rendered PDF deleted, since badges and reports may hold anyone's name (they are "
    "caches, made again on request)",
}

EXEMPT = {
    "core.scheduledrun": "names of periodic jobs and their time slots",
    "core.datachange": "names of cached data sets (for example training.capacity) and when they "
    "changed; never who changed what",
    "django_tasks_database.dbtaskresult": "queued tasks carry ids and plain values, never personal "
    "data (core/background.py)",
}


def _addressed_to(user, person):
    addresses = {a for a in (getattr(user, "email", ""), getattr(person, "email", "")) if a}
    if not addresses:
        return OutboundEmail.objects.none()
    ids = set()
    for address in addresses:
        key = recipient_key(address)
        ids.update(
            OutboundEmail.objects.filter(recipient_keys__contains=key).values_list("pk", flat=True)
        )
    return OutboundEmail.objects.filter(pk__in=ids)


def export(*, person, user) -> dict:
    asked = RenderedDocument.objects.filter(requested_by=user) if user else []
    return {
        "documents": [
            {"title": d.title, "status": d.status, "created_at": iso(d.created_at)} for d in asked
        ],
        "emails": [
            {
                "subject": e.subject,
                "kind": e.template,
                "status": e.status,
                "created_at": iso(e.created_at),
                "sent_at": iso(e.sent_at),
            }
            for e in _addressed_to(user, person)
        ],
    }


def erase(*, person, user, actor) -> None:
    _addressed_to(user, person).delete()
    documents.discard(RenderedDocument.objects.all())
