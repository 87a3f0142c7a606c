"""Editing and deleting questions of a course's bank: validated, audited, refused while a test
using the question is open, and never in a way that leaves stored answers unscorable."""

from datetime import timedelta

import pytest
from django.utils import timezone

from protectnet.access.models import AuditEntry
from protectnet.training import services
from protectnet.training.models import Choice, Delivery, Question, TestSubmission
from tests import factories as f

from .conftest import key, reload

pytestmark = pytest.mark.django_db

LOCKED = "still open"


def _single(tw) -> Question:
    return tw.course.questions.filter(kind="single").order_by("position").first()


def _edit_url(tw, q) -> str:
    return f"/training/courses/{tw.course.pk}/questions/{q.pk}/edit/"


def _form(text="Switch a seized device off?", kind="single", answers=(), correct=()) -> dict:
    data = {"text": text, "kind": kind}
    for i, answer in enumerate(answers, start=1):
        data[f"choice_{i}"] = answer
        if i in correct:
            data[f"correct_{i}"] = "on"
    return data


def _state(q) -> tuple:
    q.refresh_from_db()
    return q.text, q.kind, list(q.choices.values_list("text", "is_correct"))


def _submit_pre(tw):
    return services.test_submit(
        actor=tw.w.kh_le, enrolment=reload(tw.kh_le), kind="pre", answers=key(tw.course)
    )


def _close_windows(tw):
    past = timezone.now() - timedelta(minutes=1)
    Delivery.objects.filter(pk=tw.delivery.pk).update(
        pre_test_closes_at=past, post_test_closes_at=past
    )


@pytest.fixture
def people(tw):
    tw.w.other_trainer = f.make_trainer("trainer2@example.test", org=tw.w.th_police)
    return tw.w


def test_trainer_edits_a_question_and_its_answers(tw, login):
    q = _single(tw)
    client = login(tw.w.trainer)
    page = client.get(_edit_url(tw, q)).content.decode()
    assert "No: isolate it and document it" in page and 'for="id_choice_3"' in page
    response = client.post(
        _edit_url(tw, q),
        _form(
            answers=["Yes, at once", "No: isolate and document it", "Ask a colleague"], correct={2}
        ),
    )
    assert response.status_code == 302
    assert _state(q) == (
        "Switch a seized device off?",
        "single",
        [
            ("Yes, at once", False),
            ("No: isolate and document it", True),
            ("Ask a colleague", False),
        ],
    )
    entry = AuditEntry.objects.get(action="training.question.update")
    assert entry.actor_id == tw.w.trainer.pk
    assert entry.data == {"changed": ["answers", "text"], "removed": 0}


@pytest.mark.parametrize(
    "data,message",
    [
        (_form(answers=["A", "B"], correct={1, 2}), "exactly one correct answer"),
        (_form(answers=["A", "B"], correct=()), "exactly one correct answer"),
        (_form(kind="multiple", answers=["A", "B"], correct=()), "at least one answer"),
        (_form(answers=["Only one"], correct={1}), "at least two answers"),
        (_form(text="", answers=["A", "B"], correct={1}), "This field is required"),
        (_form(kind="essay", answers=["A", "B"], correct={1}), "Select a valid choice"),
    ],
    ids=["single_two_correct", "single_none", "multiple_none", "one_answer", "no_text", "kind"],
)
def test_bad_edits_are_explained_and_change_nothing(data, message, tw, login):
    q = _single(tw)
    before = _state(q)
    response = login(tw.w.trainer).post(_edit_url(tw, q), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body and 'role="alert"' in body
    assert _state(q) == before
    assert not AuditEntry.objects.filter(action="training.question.update").exists()


def test_answered_in_an_open_test_the_question_is_locked_with_a_reason(tw, login, api):
    _submit_pre(tw)  # the pre-test window of tw.delivery is open now
    q = _single(tw)
    before = _state(q)
    client = login(tw.w.trainer)
    bank = client.get(f"/training/courses/{tw.course.pk}/questions/").content.decode()
    assert LOCKED in bank and _edit_url(tw, q) not in bank
    page = client.get(_edit_url(tw, q)).content.decode()
    assert LOCKED in page and 'name="choice_1"' not in page
    response = client.post(_edit_url(tw, q), _form(answers=["A", "B"], correct={1}))
    assert LOCKED in response.content.decode()
    deleted = client.post(f"/training/courses/{tw.course.pk}/questions/{q.pk}/delete/", follow=True)
    assert LOCKED in deleted.content.decode()
    put = api(tw.w.trainer).put(
        f"/api/v1/courses/{tw.course.pk}/questions/{q.pk}",
        {
            "text": "Changed?",
            "kind": "single",
            "choices": [{"text": "A", "correct": True}, {"text": "B"}],
        },
        content_type="application/json",
    )
    assert put.status_code == 422 and LOCKED in str(put.json()["errors"])
    assert _state(q) == before and Question.objects.filter(pk=q.pk, active=True).exists()


def test_after_the_window_a_key_correction_rescores_the_stored_answers(tw, login):
    submission = _submit_pre(tw)
    assert submission.score == 3
    _close_windows(tw)
    q = _single(tw)
    answers = [c.text for c in q.choices.all()]
    response = login(tw.w.trainer).post(_edit_url(tw, q), _form(answers=answers, correct={1}))
    assert response.status_code == 302
    assert AuditEntry.objects.get(action="training.question.update").data["changed"] == [
        "key",
        "text",
    ]
    services.delivery_rescore(actor=tw.w.trainer, delivery=tw.delivery)
    submission.refresh_from_db()
    assert submission.score == 2  # the stored choice ids were rescored against the new key


def test_an_answer_a_trainee_chose_cannot_be_removed(tw, login):
    _submit_pre(tw)
    _close_windows(tw)
    q = _single(tw)
    chosen = Choice.objects.get(question=q, is_correct=True)
    before = _state(q)
    response = login(tw.w.trainer).post(
        _edit_url(tw, q), _form(answers=["Yes", "", "Wait for a specialist"], correct={3})
    )
    body = response.content.decode()
    assert response.status_code == 200 and "mark it as not correct instead" in body
    assert _state(q) == before and Choice.objects.filter(pk=chosen.pk).exists()


def test_an_unchosen_answer_can_be_removed(tw, login):
    q = _single(tw)
    response = login(tw.w.trainer).post(
        _edit_url(tw, q), _form(answers=["", "No: isolate it", "Call the lab"], correct={2})
    )
    assert response.status_code == 302
    assert _state(q)[2] == [("No: isolate it", True), ("Call the lab", False)]
    assert AuditEntry.objects.get(action="training.question.update").data["removed"] == 1


def test_delete_removes_an_unanswered_question_and_retires_an_answered_one(tw, login):
    client = login(tw.w.trainer)
    bank = f"/training/courses/{tw.course.pk}/questions/"
    spare = services.question_create(
        actor=tw.w.trainer,
        course=tw.course,
        text="Spare?",
        kind="single",
        choices=[("a", True), ("b", False)],
    )
    page = client.post(f"{bank}{spare.pk}/delete/", follow=True).content.decode()
    assert "The question was deleted." in page
    assert not Question.objects.filter(pk=spare.pk).exists()
    assert AuditEntry.objects.filter(action="training.question.delete", object_id=str(spare.pk))
    submission = _submit_pre(tw)
    _close_windows(tw)
    q = _single(tw)
    page = client.post(f"{bank}{q.pk}/delete/", follow=True).content.decode()
    assert "retired rather than deleted" in page
    q.refresh_from_db()
    assert not q.active
    services.delivery_rescore(actor=tw.w.trainer, delivery=tw.delivery)
    submission.refresh_from_db()
    assert (submission.score, submission.max_score) == (3, 3)


@pytest.mark.parametrize(
    "who,get,post",
    [
        ("admin", 200, 302),
        ("trainer", 200, 302),
        ("other_trainer", 200, 302),  # the catalogue is shared by every trainer
        ("kh_focal", 403, 403),
        ("kh_member", 403, 403),
        ("kh_le", 403, 403),
        ("guest", 403, 403),
        (None, 302, 302),
    ],
)
def test_page_edit_and_delete_by_role(who, get, post, people, tw, login):
    q = _single(tw)
    before = _state(q)
    client = login(getattr(people, who) if who else None)
    assert client.get(_edit_url(tw, q)).status_code == get
    response = client.post(_edit_url(tw, q), _form(text="Edited?", answers=["A", "B"], correct={1}))
    assert response.status_code == post
    edited = post == 302 and who is not None
    assert (_state(q)[0] == "Edited?") == edited
    response = client.post(f"/training/courses/{tw.course.pk}/questions/{q.pk}/delete/")
    assert response.status_code == post
    assert Question.objects.filter(pk=q.pk).exists() != edited
    if not edited:
        assert _state(q) == before


def test_a_question_through_another_course_or_a_guessed_id_is_not_found(tw, login, world):
    q = _single(tw)
    other = services.course_create(
        actor=world.admin,
        data=services.CourseInput(
            title="Another course",
            summary="s",
            duration_hours=2,
            delivering_organisation=world.uk_agency,
        ),
    )
    client = login(tw.w.trainer)
    for url in (
        f"/training/courses/{other.pk}/questions/{q.pk}/edit/",
        f"/training/courses/{tw.course.pk}/questions/987654/edit/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/training/courses/{other.pk}/questions/{q.pk}/delete/").status_code == 404
    assert Question.objects.filter(pk=q.pk).exists()


def _put(client, tw, q, payload):
    return client.put(
        f"/api/v1/courses/{tw.course.pk}/questions/{q.pk}", payload, content_type="application/json"
    )


def test_api_edit_keeps_answer_ids_and_refuses_foreign_ones(tw, api):
    q = _single(tw)
    client = api(tw.w.admin)
    listed = client.get(f"/api/v1/courses/{tw.course.pk}/questions").json()
    first = next(item for item in listed if item["id"] == q.pk)
    assert first["locked"] is False and len(listed) == 3
    ids = [c["id"] for c in first["choices"]]
    ok = _put(
        client,
        tw,
        q,
        {
            "text": "Switch it off?",
            "kind": "single",
            "choices": [
                {"id": ids[0], "text": "Yes"},
                {"id": ids[1], "text": "No", "correct": True},
            ],
        },
    )
    assert ok.status_code == 200, ok.content
    assert [c["id"] for c in ok.json()["choices"]] == ids
    before = _state(q)
    foreign = Choice.objects.exclude(question=q).first()
    bad = _put(
        client,
        tw,
        q,
        {
            "text": "Switch it off?",
            "kind": "single",
            "choices": [{"id": foreign.pk, "text": "X", "correct": True}, {"text": "Y"}],
        },
    )
    assert bad.status_code == 422 and "does not belong" in str(bad.json()["errors"])
    assert _state(q) == before and Choice.objects.filter(pk=foreign.pk, text=foreign.text).exists()


@pytest.mark.parametrize(
    "payload",
    [
        {"text": "", "kind": "single", "choices": [{"text": "A", "correct": True}, {"text": "B"}]},
        {"text": "T", "kind": "essay", "choices": [{"text": "A", "correct": True}, {"text": "B"}]},
        {"text": "T", "kind": "single", "choices": [{"text": "A", "correct": True}]},
        {"text": "T", "kind": "single", "choices": [{"text": "A", "correct": True}, {"text": " "}]},
        {"text": "T", "kind": "multiple", "choices": [{"text": "A"}, {"text": "B"}]},
        {"text": "T", "kind": "single", "choices": [{"text": "A", "correct": True}] * 13},
    ],
    ids=["no_text", "kind", "one", "blank_second", "no_correct", "too_many"],
)
def test_api_bad_edits_are_422_and_change_nothing(payload, tw, api):
    q = _single(tw)
    before = _state(q)
    response = _put(api(tw.w.trainer), tw, q, payload)
    assert response.status_code == 422, response.content
    assert _state(q) == before


@pytest.mark.parametrize(
    "who,status",
    [
        ("admin", 200),
        ("trainer", 200),
        ("kh_focal", 403),
        ("kh_member", 403),
        ("kh_le", 403),
        ("guest", 403),
        (None, 401),
    ],
)
def test_api_question_bank_by_role(who, status, tw, api):
    q = _single(tw)
    client = api(getattr(tw.w, who) if who else None)
    assert client.get(f"/api/v1/courses/{tw.course.pk}/questions").status_code == status
    payload = {
        "text": "Edited?",
        "kind": "single",
        "choices": [{"text": "A", "correct": True}, {"text": "B"}],
    }
    assert _put(client, tw, q, payload).status_code == status
    assert Question.objects.get(pk=q.pk).text == ("Edited?" if status == 200 else _single(tw).text)
    deleted = client.delete(f"/api/v1/courses/{tw.course.pk}/questions/{q.pk}")
    assert deleted.status_code == status
    if status == 200:
        assert deleted.json() == {"outcome": "deleted"}
    assert Question.objects.filter(pk=q.pk).exists() == (status != 200)
    assert TestSubmission.objects.count() == 0
