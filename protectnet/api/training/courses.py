"""API operations on the course catalogue."""

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from protectnet.access.routes import requires
from protectnet.core import multilingual
from protectnet.network import selectors as network_selectors
from protectnet.training import selectors, services

from .common import SECTORS, Paging, page_of

router = Router()


class CourseOut(Schema):
    id: int
    title: str
    summary: str
    learning_objectives: list[str]
    audience_sectors: list[str]
    audience_roles: str
    duration_hours: int
    modules: list[str]
    languages: list[str]
    delivering_organisation: str
    library_links: list[str]
    attendance_threshold: int
    pass_mark: int
    translations: dict[str, dict[str, str]] = Field(..., description=multilingual.TRANSLATIONS_HELP)


class CoursePage(Schema):
    count: int
    items: list[CourseOut]


class CourseIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    summary: str = Field(..., min_length=1, max_length=20_000)
    learning_objectives: list[str] = Field(default_factory=list, max_length=50)
    audience_sectors: list[SECTORS] = Field(default_factory=list)
    audience_roles: str = Field("", max_length=255)
    duration_hours: int = Field(..., ge=1, le=2000)
    modules: list[str] = Field(default_factory=list, max_length=50)
    languages: list[str] = Field(default_factory=list, max_length=20)
    delivering_organisation: int = Field(..., ge=1)
    library_links: list[str] = Field(default_factory=list, max_length=50)
    attendance_threshold: int = Field(80, ge=0, le=100)
    pass_mark: int = Field(70, ge=0, le=100)


def _lines(items: list[str]) -> str:
    return "\n".join(i.strip() for i in items if i.strip())


def _course_out(c) -> dict:
    return {
        "id": c.pk,
        "title": c.title,
        "summary": c.summary,
        "learning_objectives": c.objective_list,
        "audience_sectors": c.audience_sectors,
        "audience_roles": c.audience_roles,
        "duration_hours": c.duration_hours,
        "modules": c.module_list,
        "languages": c.languages,
        "delivering_organisation": c.delivering_organisation.name,
        "library_links": c.library_links,
        "attendance_threshold": c.attendance_threshold,
        "pass_mark": c.pass_mark,
        "translations": multilingual.every_version(c, ("title", "summary")),
    }


def _links_ok(links: list[str]) -> None:
    for link in links:
        if not (link.isdigit() or link.startswith(("https://", "http://", "/library/"))):
            raise HttpError(422, _("Library materials must be resource numbers or addresses."))


@router.get("/courses", response=CoursePage, summary="Course catalogue")
@requires("training.course.view")
def training_course_list(request, paging: Query[Paging]):
    page = page_of(selectors.course_list(user=request.user), paging)
    return {"count": page["count"], "items": [_course_out(c) for c in page["items"]]}


@router.get("/courses/{course_id}", response=CourseOut, summary="One course")
@requires("training.course.view")
def training_course_get(request, course_id: int):
    return _course_out(selectors.course_get(user=request.user, pk=course_id))


@router.post("/courses", response={201: CourseOut}, summary="Add a course")
@requires("training.course.manage")
def training_course_create(request, payload: CourseIn):
    _links_ok(payload.library_links)
    organisation = network_selectors.organisation_pick(
        user=request.user, pk=payload.delivering_organisation
    )
    data = services.CourseInput(
        **payload.dict(
            exclude={"delivering_organisation", "learning_objectives", "modules", "languages"}
        ),
        delivering_organisation=organisation,
        learning_objectives=_lines(payload.learning_objectives),
        modules=_lines(payload.modules),
        languages=[code.lower() for code in payload.languages],
    )
    course = services.course_create(actor=request.user, data=data, request=request)
    return Status(201, _course_out(course))
