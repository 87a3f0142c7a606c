"""The course catalogue: admins and trainers."""

from dataclasses import dataclass, field, fields

from django.db import transaction

from protectnet.access.policy import require
from protectnet.core import multilingual
from protectnet.core.multilingual import Translations
from protectnet.network.models import Organisation

from ..models import Course
from .common import record


@dataclass
class CourseInput:
    """What a course is made of: the page's form and the API both produce one."""

    title: str
    summary: str
    delivering_organisation: Organisation
    duration_hours: int
    learning_objectives: str = ""
    audience_sectors: list[str] = field(default_factory=list)
    audience_roles: str = ""
    modules: str = ""
    languages: list[str] = field(default_factory=list)
    library_links: list[str] = field(default_factory=list)
    attendance_threshold: int = 80
    pass_mark: int = 70

    @classmethod
    def of(cls, course: Course) -> "CourseInput":
        """The course as it is now (the base a partial change starts from)."""
        return cls(**{name: multilingual.read_original(course, name) for name in COURSE_FIELDS})


COURSE_FIELDS = tuple(f.name for f in fields(CourseInput))


def _apply(course: Course, data: CourseInput, *, new: bool = False) -> list[str]:
    changed = []
    for name in COURSE_FIELDS:
        value = getattr(data, name)
        if new or multilingual.read_original(course, name) != value:
            multilingual.write_original(course, name, value)
            changed.append(name)
    return changed


def course_create(
    *, actor, data: CourseInput, request=None, translations: Translations | None = None
) -> Course:
    require(actor, "training.course.manage")
    course = Course(created_by=actor)
    _apply(course, data, new=True)
    multilingual.write_translations(course, translations)
    course.full_clean()
    with transaction.atomic():
        multilingual.save_original(course)
        record("training.course.create", actor=actor, obj=course, request=request)
    return course


def course_update(
    *,
    actor,
    course: Course,
    data: CourseInput,
    request=None,
    translations: Translations | None = None,
) -> Course:
    """`translations` None keeps the other languages' versions as they are."""
    require(actor, "training.course.manage", course)
    columns = multilingual.write_translations(course, translations)
    changed = _apply(course, data)
    if not changed and not columns:
        return course
    course.full_clean()
    with transaction.atomic():
        multilingual.save_original(course, [*changed, *columns, "updated_at"])
        record(
            "training.course.update",
            actor=actor,
            obj=course,
            request=request,
            data={"fields": [*changed, *columns]},
        )
    return course
