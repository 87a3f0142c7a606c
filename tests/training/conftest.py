"""Training fixtures: the shared `world`, a course with a three-question bank and a delivery that
ended today (both test windows open now), trained by world.trainer."""

import csv
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from protectnet.training import services
from protectnet.training.models import Choice, Delivery, Enrolment, FollowUp, TestSubmission
from tests import factories as f


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


def flip_single_choice_keys(course) -> None:
    """A key correction: the other answer of each single-choice question is the right one.
    Trainees who gave the old key now score 1 of 3, below the pass mark of 60%."""
    for choice in Choice.objects.filter(question__course=course, question__kind="single"):
        choice.is_correct = not choice.is_correct
        choice.save(update_fields=["is_correct"])


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


# A small built history for the capacity figures: three deliveries of two courses over two
# years, trainees of two countries, a person trained twice, a withdrawal, an empty test and
# follow-ups answered or not.


def dated_delivery(w, course, start: date, *, days: int = 2) -> Delivery:
    """A delivery made directly (no test windows, no trainers) starting on `start`."""
    return Delivery.objects.create(
        course=course,
        start_date=start,
        end_date=start + timedelta(days=days),
        host_country=w.kh,
        capacity=20,
        language="en",
    )


def _enrol(delivery, person, org, status, pre=None, post=None, followups=()) -> Enrolment:
    """pre/post: (score, max score); followups: (months, answer or None if unanswered)."""
    e = Enrolment.objects.create(delivery=delivery, person=person, organisation=org, status=status)
    for kind, result in (("pre", pre), ("post", post)):
        if result:
            TestSubmission.objects.create(
                enrolment=e, kind=kind, score=result[0], max_score=result[1]
            )
    for months, applied in followups:
        FollowUp.objects.create(
            enrolment=e,
            months=months,
            applied=applied or "",
            answered_at=timezone.now() if applied else None,
        )
    return e


@pytest.fixture
def history(world):
    w = world
    online = make_course(w)
    victims = make_course(w, title="Victim identification")
    q1, q3 = (
        dated_delivery(w, online, date(2025, 2, 10)),
        dated_delivery(w, online, date(2025, 8, 4)),
    )
    later = dated_delivery(w, victims, date(2026, 1, 12))
    p = [f.PersonFactory() for _ in range(6)]
    kh, ngo, th = w.kh_police, w.kh_ngo, w.th_police
    _enrol(q1, p[0], kh, "completed", (1, 3), (3, 3), [(3, "yes"), (6, "no")])
    _enrol(q1, p[1], kh, "completed", (2, 4), (3, 4), [(3, None)])
    _enrol(q1, p[2], ngo, "not_completed", (0, 3))
    # Withdrawn: counted as such, and nothing else of theirs enters the figures.
    _enrol(q1, p[3], th, "withdrawn", (3, 3), (3, 3), [(3, "yes")])
    _enrol(q3, p[0], kh, "completed", (2, 3), (2, 3))
    _enrol(q3, p[4], th, "completed", (0, 0), (1, 2), [(3, "partly")])
    _enrol(q3, p[5], th, "enrolled")
    _enrol(later, p[1], ngo, "completed", (1, 2), (2, 2))
    _enrol(later, p[5], th, "completed", followups=[(6, "no")])
    return SimpleNamespace(w=w, online=online, victims=victims)


def capacity_csv(client, query: str) -> dict[str, list[str]]:
    response = client.get(f"/training/capacity/export.csv?{query}")
    rows = list(csv.reader(response.content.decode("utf-8-sig").splitlines()))
    return {row[0]: row[1:] for row in rows[1:]}
