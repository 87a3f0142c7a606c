"""Pages: forms, bad input, the answer key kept back, exports, terminology notes."""

import dataclasses
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from protectnet.training import services
from protectnet.training.forms import CourseForm
from protectnet.training.models import (
    AttendanceDay,
    Course,
    Delivery,
    Enrolment,
    Evaluation,
    Question,
    TestSubmission,
)

from .conftest import course_data, key, reload

pytestmark = pytest.mark.django_db


def _post_answers(course, answers) -> dict:
    data = {}
    for qid, choices in answers.items():
        data[f"q{qid}"] = [str(c) for c in choices]
    return data


def test_the_test_page_never_carries_the_answer_key(tw, login):
    body = login(tw.w.kh_le).get(f"/training/enrolments/{tw.kh_le.pk}/test/pre/").content.decode()
    assert "Switch a seized device off at once?" in body
    assert "✓" not in body and "correct" not in body.lower().replace("tick every correct", "")
    assert "is_correct" not in body


def test_taking_the_post_test_in_the_browser_then_seeing_the_key(tw, login):
    client = login(tw.w.kh_le)
    url = f"/training/enrolments/{tw.kh_le.pk}/test/post/"
    response = client.post(url, _post_answers(tw.course, key(tw.course)))
    assert response.status_code == 302
    body = client.get(url).content.decode()
    assert "Your score: 3 of 3" in body and "✓" in body
    # A second post (another tab, the back button) changes nothing.
    client.post(url, {})
    assert TestSubmission.objects.filter(enrolment=tw.kh_le, kind="post").count() == 1


def test_after_the_pre_test_the_key_stays_hidden_until_the_post_test(tw, login):
    client = login(tw.w.kh_le)
    url = f"/training/enrolments/{tw.kh_le.pk}/test/pre/"
    client.post(url, _post_answers(tw.course, key(tw.course)))
    body = client.get(url).content.decode()
    assert "Your score: 3 of 3" in body
    assert "✓" not in body and "shown after the post-test" in body


def test_unanswered_questions_are_shown_again_and_nothing_is_stored(tw, login):
    response = login(tw.w.kh_le).post(f"/training/enrolments/{tw.kh_le.pk}/test/pre/", {})
    assert response.status_code == 200
    assert "Answer this question." in response.content.decode()
    assert not TestSubmission.objects.exists()


def test_a_closed_test_shows_no_form(tw, login):
    Delivery.objects.filter(pk=tw.delivery.pk).update(
        post_test_closes_at=timezone.now() - timedelta(minutes=1),
        post_test_opens_at=timezone.now() - timedelta(days=1),
    )
    client = login(tw.w.kh_le)
    url = f"/training/enrolments/{tw.kh_le.pk}/test/post/"
    body = client.get(url).content.decode()
    assert "This test is closed." in body and "test-form" not in body
    client.post(url, _post_answers(tw.course, key(tw.course)))
    assert not TestSubmission.objects.exists()


def test_unknown_test_kind_is_not_found(tw, login):
    assert login(tw.w.kh_le).get(f"/training/enrolments/{tw.kh_le.pk}/test/mid/").status_code == 404


def test_course_form_flags_discouraged_terms_and_saves_when_confirmed(world, login):
    client = login(world.trainer)
    data = {
        "title": "Course on child pornography investigations",
        "summary": "Summary",
        "duration_hours": "8",
        "delivering_organisation": str(world.uk_agency.pk),
        "attendance_threshold": "80",
        "pass_mark": "70",
        "languages": "en, km",
        "library_links": "12\nhttps://example.org/guide",
    }
    response = client.post("/training/courses/new/", data)
    assert response.status_code == 200 and "Language notes" in response.content.decode()
    assert not Course.objects.exists()
    response = client.post("/training/courses/new/", {**data, "terminology_confirmed": "on"})
    assert response.status_code == 302
    course = Course.objects.get()
    assert course.languages == ["en", "km"]
    assert course.library_links == ["12", "https://example.org/guide"]


@pytest.mark.parametrize(
    "field,value",
    [
        ("library_links", "javascript:alert(1)"),
        ("languages", "english!"),
        ("pass_mark", "101"),
        ("duration_hours", "0"),
    ],
)
def test_bad_course_input_is_refused(world, login, field, value):
    data = {
        "title": "A course",
        "summary": "Summary",
        "duration_hours": "8",
        "delivering_organisation": str(world.uk_agency.pk),
        "attendance_threshold": "80",
        "pass_mark": "70",
        field: value,
    }
    response = login(world.admin).post("/training/courses/new/", data)
    assert response.status_code == 200
    assert not Course.objects.exists()


def test_editing_keeps_everything_on_a_bad_post(tw, login):
    before = Course.objects.values().get(pk=tw.course.pk)
    login(tw.w.trainer).post(f"/training/courses/{tw.course.pk}/edit/", {"title": ""})
    assert Course.objects.values().get(pk=tw.course.pk) == before


def test_trainer_adds_and_retires_questions(tw, login):
    client = login(tw.w.trainer)
    url = f"/training/courses/{tw.course.pk}/questions/"
    response = client.post(
        url,
        {"text": "Which?", "kind": "single", "choice_1": "A", "choice_2": "B", "correct_1": "on"},
    )
    assert response.status_code == 302
    question = Question.objects.get(text="Which?")
    client.post(f"{url}{question.pk}/retire/")
    question.refresh_from_db()
    assert not question.active


def test_scheduling_a_delivery_makes_the_trainer_its_trainer(tw, login, world):
    today = timezone.localdate()
    response = login(world.trainer).post(
        f"/training/courses/{tw.course.pk}/deliveries/new/",
        {
            "start_date": (today + timedelta(days=30)).isoformat(),
            "end_date": (today + timedelta(days=32)).isoformat(),
            "mode": "online",
            "host_country": str(world.th.pk),
            "language": "th",
            "capacity": "12",
        },
    )
    assert response.status_code == 302
    delivery = Delivery.objects.latest("pk")
    assert list(delivery.trainers.all()) == [world.trainer.person]
    assert delivery.pre_test_opens_at and delivery.post_test_closes_at


def test_delivery_dates_in_the_wrong_order_are_refused(tw, login, world):
    today = timezone.localdate()
    response = login(world.admin).post(
        f"/training/courses/{tw.course.pk}/deliveries/new/",
        {
            "start_date": today.isoformat(),
            "end_date": (today - timedelta(days=1)).isoformat(),
            "mode": "online",
            "host_country": str(world.th.pk),
            "language": "th",
            "capacity": "12",
        },
    )
    assert response.status_code == 200
    assert Delivery.objects.count() == 1


def test_attendance_is_recorded_per_day(tw, login):
    day = tw.delivery.start_date
    url = f"/training/deliveries/{tw.delivery.pk}/attendance/{day.isoformat()}/"
    client = login(tw.w.trainer)
    assert client.post(url, {"present": [str(tw.kh_le.pk)]}).status_code == 302
    rows = dict(AttendanceDay.objects.filter(day=day).values_list("enrolment_id", "present"))
    assert rows == {tw.kh_le.pk: True, tw.guest.pk: False}
    # A guessed enrolment id of another delivery is refused and changes nothing.
    response = client.post(url, {"present": ["999999"]})
    assert response.status_code == 200
    assert AttendanceDay.objects.filter(day=day, present=True).count() == 1
    outside = (tw.delivery.end_date + timedelta(days=1)).isoformat()
    assert (
        client.get(f"/training/deliveries/{tw.delivery.pk}/attendance/{outside}/").status_code
        == 404
    )
    assert (
        client.get(f"/training/deliveries/{tw.delivery.pk}/attendance/nonsense/").status_code == 404
    )


def test_evaluation_page(tw, login):
    client = login(tw.w.kh_le)
    url = f"/training/enrolments/{tw.kh_le.pk}/evaluation/"
    assert client.post(url, {"overall": "9"}).status_code == 200
    response = client.post(
        url, {"overall": "5", "relevance": "4", "trainers": "5", "materials": "4", "comments": ""}
    )
    assert response.status_code == 302
    assert Evaluation.objects.get().overall == 5
    assert client.get(url).status_code == 302  # already done: back to the course


def test_nomination_page_enrols_and_withdraws(tw, login, world):
    from tests import factories as f

    officer = f.member_of(world.kh_police, "officer9.kh@example.test")
    client = login(world.kh_focal)
    membership = officer.person.memberships.get()
    response = client.post(
        f"/training/deliveries/{tw.delivery.pk}/enrol/", {"membership": membership.pk}
    )
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(person=officer.person)
    client.post(f"/training/enrolments/{enrolment.pk}/withdraw/")
    assert reload(enrolment).status == "withdrawn"


def test_full_delivery_says_so_and_enrols_nobody(tw, login, world):
    from tests import factories as f

    Delivery.objects.filter(pk=tw.delivery.pk).update(capacity=2)
    officer = f.member_of(world.kh_police, "officer8.kh@example.test")
    response = login(world.admin).post(
        f"/training/deliveries/{tw.delivery.pk}/enrol/",
        {"membership": officer.person.memberships.get().pk},
    )
    assert response.status_code == 200 and "This delivery is full." in response.content.decode()
    assert Enrolment.objects.filter(delivery=tw.delivery).count() == 2


def _complete_one(tw):
    for day in tw.delivery.days:
        services.attendance_record(
            actor=tw.w.trainer, delivery=tw.delivery, day=day, present_ids={tw.kh_le.pk}
        )
    services.test_submit(
        actor=tw.w.kh_le,
        enrolment=reload(tw.kh_le),
        kind="pre",
        answers={q: [c[0]] for q, c in key(tw.course).items()},
    )
    services.test_submit(
        actor=tw.w.kh_le, enrolment=reload(tw.kh_le), kind="post", answers=key(tw.course)
    )


def test_completion_button_issues_certificates(tw, login):
    _complete_one(tw)
    response = login(tw.w.trainer).post(f"/training/deliveries/{tw.delivery.pk}/complete/")
    assert response.status_code == 302
    assert reload(tw.kh_le).status == "completed"
    page = login(tw.w.kh_le).get("/training/mine/").content.decode()
    assert "Download (PDF)" in page


def test_capacity_page_and_exports(tw, login):
    _complete_one(tw)
    services.delivery_completion_mark(actor=tw.w.trainer, delivery=tw.delivery)
    client = login(tw.w.admin)
    page = client.get("/training/capacity/?dimension=agency")
    body = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in body and "Cambodian Test Police" in body
    assert tw.w.kh_le.person.full_name not in body  # aggregates only
    csv = client.get("/training/capacity/export.csv?dimension=country").content.decode("utf-8-sig")
    assert "Cambodia" in csv.splitlines()[1]
    xlsx = client.get("/training/capacity/export.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A1"].value == "Country"
    pdf = client.get("/training/capacity/export.pdf")  # made at once by the tests' worker
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert client.get("/training/capacity/export.doc").status_code == 404


def test_results_csv_neutralises_formulas(tw, login):
    person = tw.w.kh_le.person
    person.full_name = '=HYPERLINK("http://x")'
    person.save(update_fields=["full_name"])
    body = (
        login(tw.w.trainer)
        .get(f"/training/deliveries/{tw.delivery.pk}/results.csv")
        .content.decode("utf-8-sig")
    )
    assert "'=HYPERLINK" in body


def test_course_data_helper_matches_the_form(world):
    # Keeps the fixture honest: the API and the form accept the same fields.
    names = {f.name for f in dataclasses.fields(course_data(world))}
    assert names <= {f.name for f in Course._meta.get_fields()}
    assert names == set(CourseForm.Meta.fields)
