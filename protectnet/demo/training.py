"""Demo training: three courses delivered in three countries, with tests, attendance, completion,
certificates and follow-ups. Every person here is fictitious.

"Online investigations for police" is delivered in Phnom Penh by trainer@protectnet.test to
officers of the Cambodian law-enforcement organisations of the network demo (topped up with
fictitious officers). Idempotent: courses are keyed by title and seeded once; seeded random
numbers, so every run builds the same results. Needs the network demo (countries,
organisations, the trainer account); without it, it quietly does nothing.
"""

import random
import unicodedata
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils import timezone

from protectnet.access.models import RoleGrant
from protectnet.access.roles import Role
from protectnet.demo import training_data as data
from protectnet.network.models import Country, Membership, Organisation, Person, Sector
from protectnet.training.models import (
    Applied,
    AttendanceDay,
    Choice,
    Course,
    Delivery,
    Enrolment,
    EnrolmentStatus,
    Evaluation,
    FollowUp,
    Question,
    TestSubmission,
)
from protectnet.training.services.assessment import score_answers
from protectnet.training.services.certificates import certificate_row, meets_rule

TRAINER = "trainer@protectnet.test"
OTHER_COUNTRIES = ("VN", "PH", "LA", "MM", "IN", "CN", "MY", "ID")


def _aware(day, hour=9):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _trainer():
    user = get_user_model().objects.filter(email=TRAINER).first()
    person = Person.objects.filter(user=user).first() if user else None
    if person is None:
        return None, None
    RoleGrant.objects.get_or_create(user=user, role=Role.TRAINER)
    return user, person


def _org(code: str, sectors=(Sector.LAW_ENFORCEMENT,)):
    return (
        Organisation.objects.filter(country__code=code, sector__in=sectors)
        .order_by("-sector", "id")
        .first()
    )


def _course(spec: dict, organisation, user) -> tuple[Course, bool]:
    existing = Course.objects.filter(title=spec["title"]).first()
    if existing:
        return existing, False
    course = Course.objects.create(delivering_organisation=organisation, created_by=user, **spec)
    for position, (text, kind, answers) in enumerate(data.QUESTIONS[spec["title"]], start=1):
        q = Question.objects.create(course=course, text=text, kind=kind, position=position)
        Choice.objects.bulk_create(
            Choice(question=q, text=t, is_correct=ok, position=i)
            for i, (t, ok) in enumerate(answers, start=1)
        )
    return course, True


def _ascii_slug(name: str) -> str:
    """An address-safe form of a name (the demo's email addresses are ASCII only)."""
    plain = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    return ".".join(plain.encode("ascii", "ignore").decode().lower().split())


def _trainees(organisation, names, *, exclude=(), want: int) -> list[tuple[Person, Organisation]]:
    """Current members of the organisation first, then fictitious people added to it."""
    members = list(
        Person.objects.filter(
            memberships__in=Membership.objects.filter(
                Membership.current_q(), organisation=organisation
            ),
            erased_at__isnull=True,
        )
        .exclude(pk__in=exclude)
        .distinct()
        # People with demo accounts first, so signing in as them shows a course and certificate.
        .order_by(F("user_id").asc(nulls_last=True), "id")[:want]
    )
    for full_name, preferred in names:
        if len(members) >= want:
            break
        slug = _ascii_slug(preferred or full_name)
        person, _ = Person.objects.get_or_create(
            full_name=full_name,
            defaults={"preferred_name": preferred, "email": f"{slug}@trainees.example.test"},
        )
        Membership.objects.get_or_create(person=person, organisation=organisation)
        members.append(person)
    return [(p, organisation) for p in members]


def _answers(rng, questions, correct_share: float) -> dict[str, list[int]]:
    out = {}
    for q in questions:
        choices = list(q.choices.all())
        right = sorted(c.pk for c in choices if c.is_correct)
        wrong = [c.pk for c in choices if not c.is_correct]
        out[str(q.pk)] = right if rng.random() < correct_share else [rng.choice(wrong)]
    return out


def _deliver(
    rng,
    course,
    *,
    trainer_user,
    trainer,
    country,
    place,
    mode,
    language,
    start,
    days,
    trainees,
    absent_days,
    follow_ups,
):
    end = start + timedelta(days=days - 1)
    delivery = Delivery.objects.create(
        course=course,
        start_date=start,
        end_date=end,
        mode=mode,
        place=place,
        host_country=country,
        capacity=max(len(trainees) + 2, 8),
        language=language,
        pre_test_opens_at=_aware(start - timedelta(days=10), 0),
        pre_test_closes_at=_aware(start + timedelta(days=1), 0),
        post_test_opens_at=_aware(end, 0),
        post_test_closes_at=_aware(end + timedelta(days=8), 0),
        created_by=trainer_user,
    )
    delivery.trainers.set([trainer])
    questions = list(course.questions.prefetch_related("choices"))
    for index, (person, organisation) in enumerate(trainees):
        enrolment = Enrolment.objects.create(
            delivery=delivery,
            person=person,
            organisation=organisation,
            nominated_by=trainer_user,
            created_at=_aware(start - timedelta(days=30)),
        )
        if index == len(trainees) - 1:  # one trainee withdrew before the course
            enrolment.status = EnrolmentStatus.WITHDRAWN
            enrolment.save(update_fields=["status"])
            continue
        last = index == len(trainees) - 2
        missed = absent_days if last else (1 if index % 4 == 3 and days >= 4 else 0)
        AttendanceDay.objects.bulk_create(
            AttendanceDay(
                enrolment=enrolment,
                day=day,
                present=i >= missed,
                recorded_by=trainer_user,
                recorded_at=_aware(day, 17),
            )
            for i, day in enumerate(delivery.days)
        )
        for kind, share, day in (
            ("pre", 0.35 + rng.random() * 0.25, start),
            ("post", 1.0 if index == 0 else 0.8 + rng.random() * 0.2, end),
        ):
            answers = _answers(rng, questions, share)
            TestSubmission.objects.create(
                enrolment=enrolment,
                kind=kind,
                answers=answers,
                score=score_answers(questions, answers),
                max_score=len(questions),
                submitted_at=_aware(day, 10 if kind == "pre" else 15),
            )
        Evaluation.objects.create(
            enrolment=enrolment,
            overall=rng.choice([4, 5, 5]),
            relevance=rng.choice([4, 5]),
            trainers=rng.choice([4, 5, 5]),
            materials=rng.choice([3, 4, 5]),
            comments=rng.choice(
                ["", "More practical exercises, please.", "Very useful for our cybercrime unit."]
            ),
            submitted_at=_aware(end, 16),
        )
    _complete(rng, delivery, trainer_user, follow_ups)
    return delivery


def _complete(rng, delivery, trainer_user, follow_ups) -> None:
    enrolments = (
        Enrolment.objects.filter(delivery=delivery)
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .select_related("person")
        .prefetch_related("attendance", "submissions")
    )
    done_at = _aware(delivery.end_date + timedelta(days=9), 9)
    for enrolment in enrolments:
        done, attendance, _post = meets_rule(enrolment, delivery)
        enrolment.attendance_percent = attendance
        enrolment.status = EnrolmentStatus.COMPLETED if done else EnrolmentStatus.NOT_COMPLETED
        enrolment.completed_at = done_at if done else None
        enrolment.save(update_fields=["attendance_percent", "status", "completed_at"])
        if not done:
            continue
        certificate_row(enrolment, delivery, actor=trainer_user, now=done_at)
        for months in follow_ups:
            sent = _aware(delivery.end_date + timedelta(days=30 * months + 1), 8)
            answered = rng.random() < 0.8
            FollowUp.objects.create(
                enrolment=enrolment,
                months=months,
                sent_at=sent,
                applied=rng.choice([Applied.YES, Applied.YES, Applied.PARTLY, Applied.NO])
                if answered
                else "",
                example="Used preservation requests in two cases." if answered else "",
                answered_at=sent + timedelta(days=3) if answered else None,
            )
    delivery.completion_marked_at = done_at
    delivery.save(update_fields=["completion_marked_at"])


def load() -> None:
    trainer_user, trainer = _trainer()
    kh_police = _org("KH")
    if trainer is None or kh_police is None:
        return
    rng = random.Random(2026)
    today = timezone.localdate()
    issuer = (
        Organisation.objects.filter(memberships__person=trainer).order_by("id").first() or kh_police
    )
    common = {"trainer_user": trainer_user, "trainer": trainer}
    course, new = _course(data.ONLINE, issuer, trainer_user)
    if new:
        kh_people = _trainees(kh_police, data.KH_TRAINEES, exclude=[trainer.pk], want=9)
        _deliver(
            rng,
            course,
            country=kh_police.country,
            place="Phnom Penh",
            mode="in_person",
            language="km",
            start=today - timedelta(days=230),
            days=4,
            trainees=kh_people,
            absent_days=2,
            follow_ups=(3, 6),
            **common,
        )
        Delivery.objects.create(
            course=course,
            start_date=today + timedelta(days=40),
            end_date=today + timedelta(days=43),
            place="Siem Reap",
            host_country=kh_police.country,
            capacity=16,
            language="km",
            created_by=trainer_user,
            pre_test_opens_at=_aware(today + timedelta(days=30), 0),
            pre_test_closes_at=_aware(today + timedelta(days=41), 0),
            post_test_opens_at=_aware(today + timedelta(days=43), 0),
            post_test_closes_at=_aware(today + timedelta(days=51), 0),
        ).trainers.set([trainer])
    th = _org("TH", (Sector.LAW_ENFORCEMENT, Sector.GOVERNMENT, Sector.NGO))
    course, new = _course(data.INTERVIEWING, issuer, trainer_user)
    if new and th is not None:
        people = _trainees(th, data.TH_TRAINEES, exclude=[trainer.pk], want=6)
        _deliver(
            rng,
            course,
            country=th.country,
            place="Bangkok",
            mode="blended",
            language="th",
            start=today - timedelta(days=130),
            days=3,
            trainees=people,
            absent_days=2,
            follow_ups=(3,),
            **common,
        )
    other = next((o for c in OTHER_COUNTRIES if (o := _org(c, list(Sector.values)))), th)
    course, new = _course(data.EDUCATORS, issuer, trainer_user)
    if new and other is not None:
        people = _trainees(other, data.OTHER_TRAINEES, exclude=[trainer.pk], want=7)
        country = Country.objects.get(pk=other.country_id)
        _deliver(
            rng,
            course,
            country=country,
            place="Online",
            mode="online",
            language="en",
            start=today - timedelta(days=60),
            days=2,
            trainees=people,
            absent_days=1,
            follow_ups=(),
            **common,
        )
