"""Downloads of directory data by the user who sees it: each download is one audit entry."""

from protectnet.access import audit
from protectnet.access.policy import require
from protectnet.core.documents import document_request
from protectnet.core.models import RenderedDocument

from .. import selectors
from ..data_subject import personal_data_get
from ..documents import MY_DATA

EXPORT_LIMIT = 50_000


def directory_export(*, actor, filters: selectors.DirectoryFilters, fmt: str, request=None):
    """The directory rows as the user sees them (contacts only where the person consented)."""
    require(actor, "network.directory.export")
    rows = selectors.directory_rows(user=actor, filters=filters, limit=EXPORT_LIMIT)
    audit.record(
        "network.directory.exported",
        actor=actor,
        request=request,
        data={"format": fmt, "rows": len(rows)},
    )
    return rows


def personal_data_download(*, user, fmt: str = "json", via: str = "", request=None) -> dict:
    """Everything stored about the user themself, for a download (page, PDF or API)."""
    require(user, "network.personal_data.view")
    data = personal_data_get(user=user)
    details = {"format": fmt} if fmt != "json" else {}
    if via:
        details["via"] = via
    audit.record("network.personal_data.downloaded", actor=user, request=request, data=details)
    return data


def personal_data_pdf(*, user, request=None) -> RenderedDocument:
    """The user's own data as a PDF a worker makes; asking is audited like a download."""
    require(user, "network.personal_data.view")
    asked = document_request(user=user, kind=MY_DATA, key=user.pk)
    audit.record(
        "network.personal_data.downloaded", actor=user, request=request, data={"format": "pdf"}
    )
    return asked.document
