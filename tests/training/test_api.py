"""The training API: same policy as the pages, bearer tokens only, JSON errors."""

from datetime import timedelta

import pytest
from django.utils import timezone

from protectnet.training.models import AttendanceDay, Course, Delivery, Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_anonymous_callers_get_401_except_verification(tw, client):
    for url in (
        "/api/v1/courses",
        "/api/v1/deliveries",
        "/api/v1/certificates",
        f"/api/v1/deliveries/{tw.delivery.pk}/results",
    ):
        assert client.get(url).status_code == 401, url


def test_a_session_cookie_does_not_open_the_api(tw, login):
    assert login(tw.w.admin).get("/api/v1/courses").status_code == 401


@pytest.mark.parametrize(
    "who,courses,results",
    [
        ("admin", 1, 2),
        ("trainer", 1, 2),
        ("kh_member", 1, 0),
        ("kh_focal", 1, 2),
        ("kh_le", 1, 1),
        ("guest", 1, 1),
        ("th_le", 1, 0),
    ],
)
def test_lists_follow_the_policy(who, courses, results, tw, api):
    client = api(getattr(tw.w, who))
    assert client.get("/api/v1/courses").json()["count"] == courses
    response = client.get(f"/api/v1/deliveries/{tw.delivery.pk}/results")
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) == results
    if who == "kh_focal":
        # The focal point sees who is enrolled, not the scores.
        assert all(r["post_test_percent"] is None for r in rows)


def test_guests_not_enrolled_see_no_course_and_guessed_ids_are_404(tw, api):
    stranger = api(f.make_guest("stranger@example.test"))
    assert stranger.get("/api/v1/courses").json()["count"] == 0
    for url in (
        f"/api/v1/courses/{tw.course.pk}",
        f"/api/v1/deliveries/{tw.delivery.pk}",
        f"/api/v1/deliveries/{tw.delivery.pk}/enrolments",
        "/api/v1/courses/99999",
    ):
        response = stranger.get(url)
        assert response.status_code == 404, url
        assert response.json()["code"] == "not_found"


def test_trainer_creates_a_course_and_a_delivery(tw, api):
    client = api(tw.w.trainer)
    response = client.post(
        "/api/v1/courses",
        {
            "title": "Digital forensics basics",
            "summary": "Acquiring and preserving digital evidence.",
            "duration_hours": 16,
            "delivering_organisation": tw.w.uk_agency.pk,
            "audience_sectors": ["law_enforcement"],
            "learning_objectives": ["Acquire", "Preserve"],
            "languages": ["EN"],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    course = Course.objects.get(pk=response.json()["id"])
    assert course.languages == ["en"] and course.objective_list == ["Acquire", "Preserve"]
    start = timezone.localdate() + timedelta(days=20)
    response = client.post(
        f"/api/v1/courses/{course.pk}/deliveries",
        {
            "start_date": start.isoformat(),
            "end_date": (start + timedelta(days=2)).isoformat(),
            "host_country": "th",
            "language": "th",
            "capacity": 10,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["trainers"] == [tw.w.trainer.person.display_name]


@pytest.mark.parametrize(
    "payload",
    [
        {"title": "", "summary": "s", "duration_hours": 1, "delivering_organisation": 1},
        {"title": "t", "summary": "s", "duration_hours": 0, "delivering_organisation": 1},
        {
            "title": "t",
            "summary": "s",
            "duration_hours": 1,
            "delivering_organisation": 1,
            "library_links": ["javascript:alert(1)"],
        },
        {
            "title": "t",
            "summary": "s",
            "duration_hours": 1,
            "delivering_organisation": 1,
            "audience_sectors": ["pirates"],
        },
    ],
)
def test_bad_course_input_is_422_and_stores_nothing(payload, tw, api):
    response = api(tw.w.admin).post("/api/v1/courses", payload, content_type="application/json")
    assert response.status_code == 422
    assert Course.objects.count() == 1


def test_members_cannot_create_courses(tw, api):
    response = api(tw.w.kh_member).post(
        "/api/v1/courses",
        {
            "title": "t",
            "summary": "s",
            "duration_hours": 1,
            "delivering_organisation": tw.w.kh_ngo.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 403


def test_focal_point_enrols_through_the_api_within_capacity(tw, api):
    officer = f.member_of(tw.w.kh_police, "officer5.kh@example.test")
    thai = f.member_of(tw.w.th_police, "officer5.th@example.test")
    client = api(tw.w.kh_focal)
    url = f"/api/v1/deliveries/{tw.delivery.pk}/enrolments"
    ok = client.post(
        url,
        {"person": officer.person.pk, "organisation": tw.w.kh_police.pk},
        content_type="application/json",
    )
    assert ok.status_code == 201 and ok.json()["status"] == "enrolled"
    # A Thai officer is not a candidate for the Cambodian focal point: not found.
    refused = client.post(
        url,
        {"person": thai.person.pk, "organisation": tw.w.th_police.pk},
        content_type="application/json",
    )
    assert refused.status_code == 404
    Delivery.objects.filter(pk=tw.delivery.pk).update(capacity=3)
    another = f.member_of(tw.w.kh_police, "officer6.kh@example.test")
    full = client.post(
        url,
        {"person": another.person.pk, "organisation": tw.w.kh_police.pk},
        content_type="application/json",
    )
    assert full.status_code == 422
    assert Enrolment.objects.filter(delivery=tw.delivery).count() == 3


def test_attendance_through_the_api(tw, api):
    url = f"/api/v1/deliveries/{tw.delivery.pk}/attendance"
    day = tw.delivery.start_date.isoformat()
    response = api(tw.w.trainer).post(
        url, {"day": day, "present": [tw.kh_le.pk]}, content_type="application/json"
    )
    assert response.status_code == 200
    assert {(r["enrolment_id"], r["present"]) for r in response.json()} == {
        (tw.kh_le.pk, True),
        (tw.guest.pk, False),
    }
    assert (
        api(tw.w.kh_le)
        .post(url, {"day": day, "present": []}, content_type="application/json")
        .status_code
        == 403
    )
    bad_day = (tw.delivery.end_date + timedelta(days=3)).isoformat()
    assert (
        api(tw.w.trainer)
        .post(url, {"day": bad_day, "present": []}, content_type="application/json")
        .status_code
        == 422
    )
    assert AttendanceDay.objects.filter(present=True).count() == 1
