"""The course catalogue: admins and trainers."""

from django.db import transaction

from protectnet.access.policy import require

from ..models import Course
from .common import record

COURSE_FIELDS = (
    "title",
    "summary",
    "learning_objectives",
    "audience_sectors",
    "audience_roles",
    "duration_hours",
    "modules",
    "languages",
    "delivering_organisation",
    "library_links",
    "attendance_threshold",
    "pass_mark",
)


def _apply(course: Course, data: dict, *, new: bool = False) -> list[str]:
    changed = []
    for name in COURSE_FIELDS:
        if name in data and (new or getattr(course, name) != data[name]):
            setattr(course, name, data[name])
            changed.append(name)
    return changed


def course_create(*, actor, data: dict, request=None) -> Course:
    require(actor, "training.course.manage")
    course = Course(created_by=actor)
    _apply(course, data, new=True)
    course.full_clean()
    with transaction.atomic():
        course.save()
        record("training.course.create", actor=actor, obj=course, request=request)
    return course


def course_update(*, actor, course: Course, data: dict, request=None) -> Course:
    require(actor, "training.course.manage", course)
    changed = _apply(course, data)
    if not changed:
        return course
    course.full_clean()
    with transaction.atomic():
        course.save(update_fields=[*changed, "updated_at"])
        record(
            "training.course.update",
            actor=actor,
            obj=course,
            request=request,
            data={"fields": changed},
        )
    return course
