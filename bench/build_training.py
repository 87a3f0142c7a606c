"""Bulk-build training: courses with a question bank, deliveries, trainers and enrolments.

One delivery in ten that has ended is "marked complete" with the full record the completion
service leaves: attendance for every day, pre- and post-test scores, an evaluation, and a
certificate for each trainee who meets the course's rule (attendance and pass mark). Other past
deliveries are not marked yet, so their trainees stay enrolled: no status contradicts the rows.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from protectnet.network.models import Country, Organisation
from protectnet.training.models import (
    AttendanceDay,
    Certificate,
    Choice,
    Course,
    Delivery,
    Enrolment,
    Evaluation,
    Question,
    TestSubmission,
)

from .build_workshops import directory

BATCH = 5_000
CHUNK = 200  # deliveries built together
QUESTIONS = 5
DAYS = 3
# What the completion service stores: all three days for a completion, one day otherwise.
ATTENDANCE = {"completed": 100, "not_completed": 33}
TOPICS = [
    "Online investigations of child sexual abuse material",
    "Victim identification",
    "Child-friendly interviewing",
    "Transnational child sexual offending: travel notifications",
    "Digital forensics for first responders",
]


def _courses(count: int) -> list[Course]:
    orgs = list(Organisation.objects.order_by("id").values_list("id", "name")[:50])
    courses = Course.objects.bulk_create(
        [
            Course(
                title=f"{TOPICS[i % len(TOPICS)]} ({i + 1})",
                summary="A practical course for practitioners of the network's agencies.",
                learning_objectives="Recognise the indicators\nAct within the law",
                audience_sectors=["law_enforcement", "ngo"],
                duration_hours=DAYS * 7,
                modules="Foundations\nCase studies\nPractice",
                languages=["en"],
                delivering_organisation_id=orgs[i % len(orgs)][0],
            )
            for i in range(count)
        ],
        batch_size=BATCH,
    )
    questions = Question.objects.bulk_create(
        [
            Question(course=c, text=f"Question {q + 1} on {c.title}", position=q)
            for c in courses
            for q in range(QUESTIONS)
        ],
        batch_size=BATCH,
    )
    Choice.objects.bulk_create(
        [
            Choice(question=q, text=f"Answer {k + 1}", is_correct=k == 0, position=k)
            for q in questions
            for k in range(3)
        ],
        batch_size=BATCH,
    )
    return courses


def _deliveries(scale, courses: list[Course], per_delivery: int) -> list[Delivery]:
    hosts = list(Country.objects.order_by("id").values_list("id", flat=True))
    today = timezone.localdate()
    rows = []
    for i in range(scale.deliveries):
        # Five years of cohorts, the last tenth still to come.
        start = today - timedelta(days=1650 - (i * 1830) // max(1, scale.deliveries))
        end = start + timedelta(days=DAYS - 1)
        delivery = Delivery(
            course=courses[i % len(courses)],
            start_date=start,
            end_date=end,
            mode=["in_person", "online", "blended"][i % 3],
            place="Training centre",
            host_country_id=hosts[i % len(hosts)],
            capacity=per_delivery + 5,
            language="en",
            pre_test_opens_at=_at(start - timedelta(days=7)),
            pre_test_closes_at=_at(start, 9),
            post_test_opens_at=_at(end, 14),
            post_test_closes_at=_at(end + timedelta(days=7)),
        )
        if end < today and i % 10 == 0:
            delivery.completion_marked_at = _at(end + timedelta(days=8))
        rows.append(delivery)
    return Delivery.objects.bulk_create(rows, batch_size=BATCH)


def _at(day, hour: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _trainers(deliveries: list[Delivery], people: list) -> None:
    through = Delivery.trainers.through
    through.objects.bulk_create(
        [
            through(delivery_id=d.pk, person_id=people[(d.pk * 31 + k) % len(people)][0])
            for d in deliveries
            for k in range(2)
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )


def _outcome(n: int) -> str:
    """Most complete; every 7th misses days; every 20th withdrew before the start."""
    if n % 20 == 19:
        return "withdrawn"
    return "not_completed" if n % 7 == 6 else "completed"


def _results(enrolment: Enrolment, delivery: Delivery, rows: dict) -> None:
    outcome = enrolment.status
    if outcome == "withdrawn":
        return
    present = DAYS if outcome == "completed" else 1
    for day in range(DAYS):
        rows["attendance"].append(
            AttendanceDay(
                enrolment=enrolment,
                day=delivery.start_date + timedelta(days=day),
                present=day < present,
            )
        )
    for kind, score in (("pre", 2), ("post", 5 if outcome == "completed" else 3)):
        rows["submissions"].append(
            TestSubmission(
                enrolment=enrolment, kind=kind, answers={}, score=score, max_score=QUESTIONS
            )
        )
    rows["evaluations"].append(
        Evaluation(enrolment=enrolment, overall=4, relevance=5, trainers=4, materials=4)
    )
    if outcome == "completed":
        rows["certificates"].append(
            Certificate(
                enrolment=enrolment,
                holder_name=enrolment.person_name,
                course_title=delivery.course.title,
                start_date=delivery.start_date,
                end_date=delivery.end_date,
                issuing_organisation="Bench training centre",
                issued_at=delivery.completion_marked_at,
            )
        )


def _build_chunk(deliveries: list[Delivery], people: list, names: dict, per_delivery: int):
    enrolments = []
    for d in deliveries:
        start = (d.pk * 104_729) % len(people)
        window = people[start : start + per_delivery]
        window += people[: per_delivery - len(window)]
        marked = d.completion_marked_at is not None
        for n, (person_id, org_id, _country, _sector) in enumerate(window):
            status = _outcome(n) if marked else "enrolled"
            enrolment = Enrolment(
                delivery=d,
                person_id=person_id,
                organisation_id=org_id,
                status=status,
                attendance_percent=ATTENDANCE.get(status) if marked else None,
                completed_at=d.completion_marked_at if status == "completed" else None,
            )
            enrolment.person_name = names[person_id]
            enrolments.append(enrolment)
    Enrolment.objects.bulk_create(enrolments, batch_size=BATCH)
    rows = {"attendance": [], "submissions": [], "evaluations": [], "certificates": []}
    for e in enrolments:
        if e.delivery.completion_marked_at is not None:
            _results(e, e.delivery, rows)
    AttendanceDay.objects.bulk_create(rows["attendance"], batch_size=BATCH)
    TestSubmission.objects.bulk_create(rows["submissions"], batch_size=BATCH)
    Evaluation.objects.bulk_create(rows["evaluations"], batch_size=BATCH)
    Certificate.objects.bulk_create(rows["certificates"], batch_size=BATCH)
    return len(enrolments), len(rows["certificates"])


def build(scale) -> dict:
    from protectnet.network.models import Person

    people = directory()
    names = dict(Person.objects.values_list("id", "full_name"))
    courses = _courses(max(5, scale.deliveries // 10))
    per_delivery = min(scale.enrolments // max(1, scale.deliveries), len(people) // 2)
    deliveries = _deliveries(scale, courses, per_delivery)
    _trainers(deliveries, people)
    enrolled = certified = 0
    for i in range(0, len(deliveries), CHUNK):
        counts = _build_chunk(deliveries[i : i + CHUNK], people, names, per_delivery)
        enrolled, certified = enrolled + counts[0], certified + counts[1]
    return {"deliveries": len(deliveries), "enrolments": enrolled, "certificates": certified}
