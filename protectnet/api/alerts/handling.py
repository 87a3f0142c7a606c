"""Working on a delivered alert: acknowledge, reply, share, record the outcome, close."""

from ninja import Router
from ninja.responses import Status

from protectnet.access.routes import requires
from protectnet.alerts import services

from .input import OutcomeIn, ReplyIn, ShareIn
from .schemas import AlertDetailOut, fresh, load

router = Router()


@router.post("/alerts/{alert_id}/acknowledge", response=AlertDetailOut, summary="Acknowledge")
@requires("alerts.acknowledge")
def alerts_alert_acknowledge(request, alert_id: int):
    services.alert_acknowledge(actor=request.user, alert=load(request, alert_id), request=request)
    return fresh(request, alert_id)


@router.post("/alerts/{alert_id}/replies", response={201: AlertDetailOut}, summary="Reply")
@requires("alerts.reply")
def alerts_reply_create(request, alert_id: int, payload: ReplyIn):
    alert = load(request, alert_id)
    services.alert_reply(actor=request.user, alert=alert, body=payload.body, request=request)
    return Status(201, fresh(request, alert_id))


@router.post(
    "/alerts/{alert_id}/shares",
    response={201: AlertDetailOut},
    summary="Share a TLP:AMBER alert with a vetted colleague of another agency of my country",
)
@requires("alerts.share")
def alerts_share_create(request, alert_id: int, payload: ShareIn):
    alert = load(request, alert_id)
    services.alert_share(
        actor=request.user, alert=alert, person_id=payload.person_id, request=request
    )
    return Status(201, fresh(request, alert_id))


@router.post("/alerts/{alert_id}/outcome", response=AlertDetailOut, summary="Record outcome")
@requires("alerts.outcome")
def alerts_outcome_record(request, alert_id: int, payload: OutcomeIn):
    alert = load(request, alert_id)
    services.alert_outcome(
        actor=request.user, alert=alert, outcome=payload.outcome, request=request
    )
    return fresh(request, alert_id)


@router.post("/alerts/{alert_id}/close", response=AlertDetailOut, summary="Close")
@requires("alerts.close")
def alerts_alert_close(request, alert_id: int):
    services.alert_close(actor=request.user, alert=load(request, alert_id), request=request)
    return fresh(request, alert_id)
