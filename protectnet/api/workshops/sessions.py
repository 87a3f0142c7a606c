"""The agenda's sessions: read by anyone who sees the workshop, written by the organisers.

Times are given as wall-clock times at the venue; the form the page uses parses them."""

from datetime import date, datetime, time

from ninja import Field, Router, Schema
from ninja.responses import Status

from protectnet.access.guard import api_user
from protectnet.access.routes import requires
from protectnet.api.auth import OptionalTokenAuth
from protectnet.core import multilingual
from protectnet.workshops.forms import SessionForm
from protectnet.workshops.models import Session
from protectnet.workshops.selectors import editions as sel
from protectnet.workshops.services import editions as edition_svc

from .common import TAGS, TEXT, InvalidOut, refusal

router = Router(tags=TAGS)


class SessionOut(Schema):
    id: int
    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    starts_local: str
    room: str
    capacity: int | None
    seats_taken: int
    speakers: list[str]
    translations: dict[str, dict[str, str]] = Field(..., description=multilingual.TRANSLATIONS_HELP)

    @staticmethod
    def resolve_translations(obj) -> dict:
        return multilingual.every_version(obj, ("title",))

    @staticmethod
    def resolve_starts_local(obj) -> str:
        return obj.local_start.isoformat()

    @staticmethod
    def resolve_speakers(obj) -> list[str]:
        if getattr(obj, "hide_people", False):
            return []
        return [str(s) for s in obj.speakers.all()]


@router.get(
    "/workshops/{workshop_id}/sessions",
    response=list[SessionOut],
    auth=OptionalTokenAuth(),
    summary="Workshop Session List",
)
@requires("workshops.workshop.view")
def workshops_session_list(request, workshop_id: int):
    user = api_user(request)
    workshop = sel.workshop_get(user=user, id=workshop_id)
    sessions = list(sel.session_list(user=user, workshop=workshop))
    for session in sessions:
        session.hide_people = not user.is_authenticated  # public pages never name people
    return sessions


class SessionIn(Schema):
    """Times are wall-clock times at the venue, on one of the workshop's days."""

    title: str = Field(None, max_length=255)
    kind: str = Field(None, max_length=16)
    description: str = Field(None, max_length=TEXT)
    room: str = Field(None, max_length=128)
    capacity: int | None = Field(None, ge=0)
    day: date = None
    start_time: time = None
    end_time: time = None
    chairs: list[int] = Field(None, max_length=100, description="Speaker ids")
    speakers: list[int] = Field(None, max_length=100, description="Speaker ids")
    resources: list[int] = Field(None, max_length=100, description="Library resource ids")
    terminology_confirmed: bool = False


class SessionWriteOut(Schema):
    id: int
    workshop_id: int
    title: str
    kind: str
    description: str
    room: str
    capacity: int | None
    seats_taken: int
    starts_at: str
    ends_at: str
    starts_local: str
    ends_local: str
    time_zone: str
    chairs: list[int]
    speakers: list[int]
    resources: list[int]

    @staticmethod
    def resolve_starts_at(obj) -> str:
        return obj.starts_at.isoformat()

    @staticmethod
    def resolve_ends_at(obj) -> str:
        return obj.ends_at.isoformat()

    @staticmethod
    def resolve_starts_local(obj) -> str:
        return obj.local_start.isoformat()

    @staticmethod
    def resolve_ends_local(obj) -> str:
        return obj.local_end.isoformat()

    @staticmethod
    def resolve_time_zone(obj) -> str:
        return obj.workshop.time_zone

    @staticmethod
    def resolve_chairs(obj) -> list[int]:
        return sorted(s.pk for s in obj.chairs.all())

    @staticmethod
    def resolve_speakers(obj) -> list[int]:
        return sorted(s.pk for s in obj.speakers.all())

    @staticmethod
    def resolve_resources(obj) -> list[int]:
        return sorted(r.pk for r in obj.resources.all())


SESSION_M2M = edition_svc.SESSION_LINKS
FORM_FIELDS = ("title", "kind", "description", "room", "capacity")


def _session_data(session: Session | None, payload: SessionIn) -> dict:
    data = {}
    if session is not None:
        # The originals: the reader's language would replace them with a translation.
        data = {name: multilingual.read_original(session, name) for name in FORM_FIELDS}
        data.update({name: [o.pk for o in getattr(session, name).all()] for name in SESSION_M2M})
        data.update(
            day=session.local_start.date().isoformat(),
            start_time=session.local_start.time(),
            end_time=session.local_end.time(),
        )
    given = payload.dict(exclude_unset=True)
    if given.get("day") is not None:
        given["day"] = given["day"].isoformat()
    data.update({k: v for k, v in given.items() if v is not None or k == "capacity"})
    return data


def _session_write(request, workshop, session: Session | None, payload: SessionIn):
    user = api_user(request)
    form = SessionForm(
        _session_data(session, payload),
        instance=session,
        workshop=workshop,
        speakers=sel.speaker_choices(user=user),
        resources=sel.resource_choices(user=user),
    )
    if (refused := refusal(form)) is not None:
        return refused
    saved = edition_svc.session_save(
        actor=user, workshop=workshop, session=session, data=form.to_input()
    )
    return Status(200 if session else 201, sel.session_get(user=user, id=saved.pk))


@router.post(
    "/workshops/{workshop_id}/sessions",
    response={201: SessionWriteOut, 422: InvalidOut},
    summary="Workshop Session Create",
)
@requires("workshops.workshop.manage")
def workshops_session_create(request, workshop_id: int, payload: SessionIn):
    workshop = sel.workshop_get(user=api_user(request), id=workshop_id)
    return _session_write(request, workshop, None, payload)


@router.patch(
    "/sessions/{session_id}",
    response={200: SessionWriteOut, 422: InvalidOut},
    summary="Session Update",
)
@requires("workshops.workshop.manage")
def workshops_session_update(request, session_id: int, payload: SessionIn):
    user = api_user(request)
    session = sel.session_get(user=user, id=session_id)
    workshop = sel.workshop_get(user=user, id=session.workshop_id)
    return _session_write(request, workshop, session, payload)
