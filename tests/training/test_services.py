"""Scoring, single submission, windows, completion, certificates, follow-ups."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from protectnet.access.models import AuditEntry
from protectnet.training import services
from protectnet.training.models import (
    AttendanceDay,
    Certificate,
    Choice,
    EnrolmentStatus,
    FollowUp,
    TestSubmission,
)

from .conftest import enrol, key, make_course, make_delivery, reload, wrong

pytestmark = pytest.mark.django_db


def test_all_correct_answers_score_full_marks(tw):
    s = services.test_submit(
        actor=tw.w.kh_le, enrolment=reload(tw.kh_le), kind="pre", answers=key(tw.course)
    )
    assert (s.score, s.max_score, s.percent) == (3, 3, 100.0)


def test_multiple_choice_needs_exactly_the_correct_set(tw):
    answers = key(tw.course)
    multi = tw.course.questions.get(kind="multiple")
    answers[multi.pk] = answers[multi.pk][:1]  # only one of the two correct answers
    s = services.test_submit(
        actor=tw.w.kh_le, enrolment=reload(tw.kh_le), kind="pre", answers=answers
    )
    assert s.score == 2


def test_answers_are_stored_and_scores_recomputed_after_a_key_correction(tw):
    answers = wrong(tw.course)
    s = services.test_submit(
        actor=tw.w.kh_le, enrolment=reload(tw.kh_le), kind="post", answers=answers
    )
    assert s.score == 0
    single = tw.course.questions.filter(kind="single").first()
    chosen = answers[single.pk][0]
    Choice.objects.filter(question=single).update(is_correct=False)
    Choice.objects.filter(pk=chosen).update(is_correct=True)
    changed = services.delivery_rescore(actor=tw.w.trainer, delivery=tw.delivery)
    assert changed == 1
    s.refresh_from_db()
    assert s.score == 1
    assert s.answers[str(single.pk)] == [chosen]


def test_a_test_cannot_be_submitted_twice(tw):
    e = reload(tw.kh_le)
    services.test_submit(actor=tw.w.kh_le, enrolment=e, kind="pre", answers=wrong(tw.course))
    with pytest.raises(ValidationError, match="already submitted"):
        services.test_submit(actor=tw.w.kh_le, enrolment=e, kind="pre", answers=key(tw.course))
    assert TestSubmission.objects.get(enrolment=e, kind="pre").score == 0


@pytest.mark.parametrize(
    "opens,closes",
    [(timedelta(hours=1), timedelta(days=2)), (-timedelta(days=3), -timedelta(seconds=1))],
    ids=["not_yet_open", "closed"],
)
def test_submission_outside_the_window_is_refused(world, opens, closes):
    course = make_course(world)
    now = timezone.now()
    delivery = make_delivery(
        world, course, post_test_opens_at=now + opens, post_test_closes_at=now + closes
    )
    e = enrol(world, delivery, world.kh_le, world.kh_police)
    with pytest.raises(ValidationError, match="not open"):
        services.test_submit(
            actor=world.kh_le, enrolment=reload(e), kind="post", answers=key(course)
        )
    assert not TestSubmission.objects.exists()


def test_someone_else_cannot_submit_for_a_trainee(tw):
    with pytest.raises(PermissionDenied):
        services.test_submit(
            actor=tw.w.guest, enrolment=reload(tw.kh_le), kind="pre", answers=key(tw.course)
        )


@pytest.mark.parametrize(
    "mangle",
    [
        lambda a, other: {},  # nothing answered
        lambda a, other: {**a, next(iter(a)): [other]},  # a choice of another question
        lambda a, other: {**a, next(iter(a)): ["x"]},  # not a number
        lambda a, other: {k: v * 2 if len(v) == 1 else v for k, v in a.items()},  # duplicates ok
    ],
    ids=["empty", "foreign_choice", "garbage", "duplicates"],
)
def test_bad_answers_are_refused_and_nothing_is_stored(tw, mangle):
    answers = key(tw.course)
    other = Choice.objects.exclude(question__course=tw.course).values_list("pk", flat=True)
    foreign = other.first() or 10**9
    bad = mangle(answers, foreign)
    if bad == {k: v * 2 if len(v) == 1 else v for k, v in answers.items()}:
        # Ticking the same answer twice is still one answer: accepted, full marks.
        s = services.test_submit(
            actor=tw.w.kh_le, enrolment=reload(tw.kh_le), kind="pre", answers=bad
        )
        assert s.score == 3
        return
    with pytest.raises(ValidationError):
        services.test_submit(actor=tw.w.kh_le, enrolment=reload(tw.kh_le), kind="pre", answers=bad)
    assert not TestSubmission.objects.exists()


def _attend(tw, present_days: int, enrolment):
    for day in tw.delivery.days[:present_days]:
        others = {a.enrolment_id for a in AttendanceDay.objects.filter(day=day, present=True)}
        services.attendance_record(
            actor=tw.w.trainer, delivery=tw.delivery, day=day, present_ids=others | {enrolment.pk}
        )


def test_completion_needs_both_attendance_and_the_pass_mark(tw):
    # kh_le: attends 3 of 3 days, passes. guest: attends 2 of 3 (67% < 75%) but passes.
    _attend(tw, 3, tw.kh_le)
    _attend(tw, 2, tw.guest)
    for e, user in ((tw.kh_le, tw.w.kh_le), (tw.guest, tw.w.guest)):
        services.test_submit(actor=user, enrolment=reload(e), kind="post", answers=key(tw.course))
    counts = services.delivery_completion_mark(actor=tw.w.trainer, delivery=tw.delivery)
    assert counts == {"completed": 1, "not_completed": 1, "certificates": 1}
    kh, guest = reload(tw.kh_le), reload(tw.guest)
    assert (kh.status, kh.attendance_percent) == (EnrolmentStatus.COMPLETED, 100)
    assert (guest.status, guest.attendance_percent) == (EnrolmentStatus.NOT_COMPLETED, 67)
    cert = Certificate.objects.get()
    assert cert.enrolment_id == kh.pk and cert.holder_name == tw.w.kh_le.person.full_name
    assert len(cert.code) >= 40


def test_completion_fails_below_the_pass_mark(tw):
    _attend(tw, 3, tw.kh_le)
    services.test_submit(
        actor=tw.w.kh_le, enrolment=reload(tw.kh_le), kind="post", answers=wrong(tw.course)
    )
    services.delivery_completion_mark(actor=tw.w.admin, delivery=tw.delivery)
    assert reload(tw.kh_le).status == EnrolmentStatus.NOT_COMPLETED
    assert not Certificate.objects.exists()


def test_completion_cannot_be_marked_before_the_delivery_ends(world):
    course = make_course(world)
    today = timezone.localdate()
    delivery = make_delivery(world, course, start_date=today, end_date=today + timedelta(days=2))
    with pytest.raises(ValidationError, match="ended"):
        services.delivery_completion_mark(actor=world.admin, delivery=delivery)


def test_only_the_delivery_trainers_and_admins_mark_completion(tw, world):
    other = make_course(world, title="Another course")
    theirs = make_delivery(world, other)
    theirs.trainers.clear()
    with pytest.raises(PermissionDenied):
        services.delivery_completion_mark(actor=world.trainer, delivery=theirs)
    for user in (world.kh_focal, world.kh_le, world.guest):
        with pytest.raises(PermissionDenied):
            services.delivery_completion_mark(actor=user, delivery=tw.delivery)


def test_revocation_is_audited_and_needs_a_reason(tw):
    _attend(tw, 3, tw.kh_le)
    services.test_submit(
        actor=tw.w.kh_le, enrolment=reload(tw.kh_le), kind="post", answers=key(tw.course)
    )
    services.delivery_completion_mark(actor=tw.w.trainer, delivery=tw.delivery)
    cert = Certificate.objects.select_related("enrolment__delivery").get()
    with pytest.raises(ValidationError):
        services.certificate_revoke(actor=tw.w.trainer, certificate=cert, reason="  ")
    with pytest.raises(PermissionDenied):
        services.certificate_revoke(actor=tw.w.kh_le, certificate=cert, reason="mine")
    services.certificate_revoke(actor=tw.w.trainer, certificate=cert, reason="Issued in error")
    cert.refresh_from_db()
    assert cert.revoked_at is not None and not cert.is_valid
    entry = AuditEntry.objects.filter(action="training.certificate.revoke").get()
    assert entry.actor_id == tw.w.trainer.pk and entry.data["reason"] == "Issued in error"
    assert tw.w.kh_le.person.full_name not in entry.object_repr


def test_evaluation_once_with_ratings_from_1_to_5(tw):
    e = reload(tw.kh_le)
    with pytest.raises(ValidationError):
        services.evaluation_submit(
            actor=tw.w.kh_le,
            enrolment=e,
            data=services.EvaluationInput(overall=6, relevance=4, trainers=4, materials=4),
        )
    good = services.EvaluationInput(
        overall=5, relevance=4, trainers=5, materials=3, comments="Useful"
    )
    services.evaluation_submit(actor=tw.w.kh_le, enrolment=e, data=good)
    with pytest.raises(ValidationError, match="already"):
        services.evaluation_submit(actor=tw.w.kh_le, enrolment=reload(tw.kh_le), data=good)


def test_followups_are_sent_at_3_and_6_months_once(tw, settings):
    _attend(tw, 3, tw.kh_le)
    services.test_submit(
        actor=tw.w.kh_le, enrolment=reload(tw.kh_le), kind="post", answers=key(tw.course)
    )
    services.delivery_completion_mark(actor=tw.w.trainer, delivery=tw.delivery)
    end = tw.delivery.end_date
    assert services.followups_send(today=end + timedelta(days=60)) == 0
    assert services.followups_send(today=end + timedelta(days=95)) == 1
    assert services.followups_send(today=end + timedelta(days=96)) == 0
    assert services.followups_send(today=end + timedelta(days=190)) == 1
    assert services.followups_send(today=end + timedelta(days=191)) == 0
    assert sorted(FollowUp.objects.values_list("months", flat=True)) == [3, 6]
    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert message.to == [tw.w.kh_le.person.email]
    # No personal data in the message: no name, only a link to sign in and answer.
    assert tw.w.kh_le.person.full_name not in message.body + message.subject
    assert "/training/follow-ups/" in message.body


def test_followup_command_is_idempotent(tw):
    _attend(tw, 3, tw.kh_le)
    services.test_submit(
        actor=tw.w.kh_le, enrolment=reload(tw.kh_le), kind="post", answers=key(tw.course)
    )
    services.delivery_completion_mark(actor=tw.w.trainer, delivery=tw.delivery)
    tw.delivery.__class__.objects.filter(pk=tw.delivery.pk).update(
        start_date=timezone.localdate() - timedelta(days=200),
        end_date=timezone.localdate() - timedelta(days=198),
    )
    call_command("send_training_followups")
    call_command("send_training_followups")
    assert FollowUp.objects.count() == 2
    assert len(mail.outbox) == 2


def test_followup_answered_once_by_the_trainee_only(tw):
    _attend(tw, 3, tw.kh_le)
    services.test_submit(
        actor=tw.w.kh_le, enrolment=reload(tw.kh_le), kind="post", answers=key(tw.course)
    )
    services.delivery_completion_mark(actor=tw.w.trainer, delivery=tw.delivery)
    services.followups_send(today=tw.delivery.end_date + timedelta(days=100))
    fu = FollowUp.objects.select_related("enrolment").get()
    with pytest.raises(PermissionDenied):
        services.followup_answer(actor=tw.w.guest, followup=fu, applied="yes", example="")
    with pytest.raises(ValidationError):
        services.followup_answer(actor=tw.w.kh_le, followup=fu, applied="maybe", example="")
    services.followup_answer(actor=tw.w.kh_le, followup=fu, applied="yes", example="Two cases")
    with pytest.raises(ValidationError, match="already"):
        services.followup_answer(actor=tw.w.kh_le, followup=fu, applied="no", example="")
    fu.refresh_from_db()
    assert fu.applied == "yes"


def test_question_needs_a_correct_answer(tw):
    with pytest.raises(ValidationError):
        services.question_create(
            actor=tw.w.trainer,
            course=tw.course,
            text="Q?",
            kind="single",
            choices=[("a", True), ("b", True)],
        )
    with pytest.raises(ValidationError):
        services.question_create(
            actor=tw.w.trainer,
            course=tw.course,
            text="Q?",
            kind="multiple",
            choices=[("a", False), ("b", False)],
        )
    with pytest.raises(PermissionDenied):
        services.question_create(
            actor=tw.w.kh_focal,
            course=tw.course,
            text="Q?",
            kind="single",
            choices=[("a", True), ("b", False)],
        )
