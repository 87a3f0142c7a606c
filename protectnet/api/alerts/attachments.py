"""A draft's attachments: the author adds and removes them until the alert leaves the agency."""

from ninja import File, Router
from ninja.files import UploadedFile
from ninja.responses import Status

from protectnet.access.routes import requires
from protectnet.alerts import selectors, services

from .schemas import AlertDetailOut, fresh, load

router = Router()


@router.post(
    "/alerts/{alert_id}/attachments",
    response={201: AlertDetailOut},
    summary="Add attachments to a draft (multipart, field `files`)",
)
@requires("alerts.draft.change")
def alerts_attachment_add(request, alert_id: int, files: File[list[UploadedFile]]):
    alert = load(request, alert_id)
    services.alert_attachments_add(actor=request.user, alert=alert, files=files, request=request)
    return Status(201, fresh(request, alert_id))


@router.delete(
    "/alerts/{alert_id}/attachments/{attachment_id}",
    response=AlertDetailOut,
    summary="Remove an attachment from a draft",
)
@requires("alerts.draft.change")
def alerts_attachment_remove(request, alert_id: int, attachment_id: int):
    alert = load(request, alert_id)
    services.require_changeable(request.user, alert)
    attachment = selectors.attachment_get(user=request.user, alert=alert, pk=attachment_id)
    services.alert_attachment_remove(
        actor=request.user, alert=alert, attachment=attachment, request=request
    )
    return fresh(request, alert_id)
