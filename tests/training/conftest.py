"""Training fixtures: the shared `world`, a course with a three-question bank and a delivery that
ended today (both test windows open now), trained by world.trainer."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from protectnet.training import services
from protectnet.training.models import Enrolment


def course_data(world, **overrides) -> services.CourseInput:
    data = {
        "title": "Online investigations for police",
        "summary": "How offenders use technology to abuse children, and how to investigate it.",
        "learning_objectives": "Preserve digital evidence\nRequest provider data",
        "audience_sectors": ["law_enforcement"],
        "audience_roles": "Investigators",
        "duration_hours": 24,
        "modules": "Evidence\nProviders",
        "languages": ["en", "km"],
        "delivering_organisation": world.uk_agency,
        "library_links": [],
        "attendance_threshold": 75,
        "pass_mark": 60,
    }
    data.update(overrides)
    return services.CourseInput(**data)


def make_course(world, **overrides):
    course = services.course_create(actor=world.admin, data=course_data(world, **overrides))
    services.question_create(
        actor=world.admin,
        course=course,
        text="Switch a seized device off at once?",
        kind="single",
        choices=[("Yes", False), ("No: isolate it and document it", True)],
    )
    services.question_create(
        actor=world.admin,
        course=course,
        text="Good practice when preserving online evidence?",
        kind="multiple",
        choices=[("Record URL and time", True), ("Hash the files", True), ("Ask the child", False)],
    )
    services.question_create(
        actor=world.admin,
        course=course,
        text="The network's term for sexualised images of children?",
        kind="single",
        choices=[("CSAM", True), ("Explicit imagery", False)],
    )
    return course


def make_delivery(world, course, *, capacity=10, days_ago=2, **overrides):
    now = timezone.now()
    today = timezone.localdate()
    data = {
        "start_date": today - timedelta(days=days_ago),
        "end_date": today,
        "mode": "in_person",
        "place": "Phnom Penh",
        "host_country": world.kh,
        "capacity": capacity,
        "language": "km",
        "pre_test_opens_at": now - timedelta(days=5),
        "pre_test_closes_at": now + timedelta(days=1),
        "post_test_opens_at": now - timedelta(hours=1),
        "post_test_closes_at": now + timedelta(days=7),
    }
    data.update(overrides)
    return services.delivery_create(
        actor=world.admin,
        course=course,
        data=services.DeliveryInput(**data),
        trainers=[world.trainer.person],
    )


def enrol(world, delivery, user, organisation, actor=None) -> Enrolment:
    return services.enrolment_create(
        actor=actor or world.admin,
        delivery=delivery,
        person=user.person,
        organisation=organisation,
    )


def key(course) -> dict:
    """The correct answers of a course's bank: {question id: [choice ids]}."""
    return {
        q.pk: [c.pk for c in q.choices.all() if c.is_correct]
        for q in course.questions.prefetch_related("choices")
    }


def wrong(course) -> dict:
    return {
        q.pk: [next(c.pk for c in q.choices.all() if not c.is_correct)]
        for q in course.questions.prefetch_related("choices")
    }


@pytest.fixture
def tw(world):
    """Training world: course, delivery, and two enrolled trainees (Cambodian officer, guest)."""
    course = make_course(world)
    delivery = make_delivery(world, course)
    kh_le = enrol(world, delivery, world.kh_le, world.kh_police)
    guest = enrol(world, delivery, world.guest, world.kh_ngo)
    return SimpleNamespace(w=world, course=course, delivery=delivery, kh_le=kh_le, guest=guest)


def reload(enrolment) -> Enrolment:
    return Enrolment.objects.select_related("delivery__course").get(pk=enrolment.pk)
