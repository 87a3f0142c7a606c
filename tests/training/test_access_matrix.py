"""Role x object x action: who may open each training page, and what a guessed id yields.

The delivery below is in Cambodia, trained by world.trainer; its trainees are a Cambodian
officer (kh_le) and a guest. `other_trainer` trains nothing here; `stranger` is a guest who is
enrolled in nothing.
"""

import pytest

from protectnet.training import services
from protectnet.training.models import Certificate
from tests import factories as f

from .conftest import enrol, key, reload

ROLES = [
    "admin",
    "trainer",
    "other_trainer",
    "kh_focal",
    "th_focal",
    "kh_member",
    "kh_le",
    "th_le",
    "guest",
    "stranger",
    None,
]


@pytest.fixture
def people(tw):
    w = tw.w
    w.other_trainer = f.make_trainer("trainer2@example.test", org=w.th_police)
    w.stranger = f.make_guest("stranger@example.test")
    return w


def _client(login, people, who):
    return login(getattr(people, who) if who else None)


def _status(client, url, method="get"):
    return getattr(client, method)(url).status_code


def _expect(table: dict, who) -> int:
    if who is None:
        return table.get(None, 302)  # anonymous visitors are sent to sign in
    return table.get(who, table.get("*"))


def _urls(tw):
    c, d, e = tw.course.pk, tw.delivery.pk, tw.kh_le.pk
    day = tw.delivery.start_date.isoformat()
    everyone = {"*": 200, "stranger": 200}
    staff = {"admin": 200, "trainer": 200, "other_trainer": 200, "*": 403}
    trains_it = {"admin": 200, "trainer": 200, "*": 403, "other_trainer": 403}
    return {
        "/training/": everyone,
        "/training/mine/": everyone,
        f"/training/courses/{c}/": {"*": 200, "stranger": 404},
        "/training/courses/new/": staff,
        f"/training/courses/{c}/edit/": staff,
        f"/training/courses/{c}/questions/": staff,
        f"/training/courses/{c}/deliveries/new/": staff,
        f"/training/deliveries/{d}/": {"*": 200, "stranger": 404},
        f"/training/deliveries/{d}/edit/": trains_it,
        f"/training/deliveries/{d}/attendance/{day}/": trains_it,
        f"/training/deliveries/{d}/results.csv": trains_it,
        f"/training/deliveries/{d}/enrol/": {
            **trains_it,
            "other_trainer": 200,
            "kh_focal": 200,
            "th_focal": 200,
        },
        # Another person's test: hidden from those who may not see the enrolment at all,
        # forbidden to those who may see it (trainers, admins, the focal point) but not take it.
        f"/training/enrolments/{e}/test/pre/": {
            "kh_le": 200,
            "admin": 403,
            "trainer": 403,
            "kh_focal": 403,
            "*": 404,
        },
        f"/training/enrolments/{e}/evaluation/": {
            "kh_le": 200,
            "admin": 403,
            "trainer": 403,
            "kh_focal": 403,
            "*": 404,
        },
        "/training/capacity/": {
            "admin": 200,
            "trainer": 200,
            "other_trainer": 200,
            "kh_focal": 200,
            "th_focal": 200,
            "*": 403,
        },
        "/training/capacity/export.csv": {
            "admin": 200,
            "trainer": 200,
            "other_trainer": 200,
            "kh_focal": 200,
            "th_focal": 200,
            "*": 403,
        },
        "/training/verify/": {"*": 200, None: 200},
    }


@pytest.mark.parametrize("who", ROLES)
def test_page_matrix(who, tw, people, login):
    client = _client(login, people, who)
    failures = []
    for url, table in _urls(tw).items():
        got, want = _status(client, url), _expect(table, who)
        if got != want:
            failures.append(f"{url}: {got} != {want}")
    assert failures == []


@pytest.mark.parametrize("who", ROLES)
def test_guessed_ids_are_not_found(who, people, login, tw):
    client = _client(login, people, who)
    missing = 987654
    urls = [
        f"/training/courses/{missing}/",
        f"/training/deliveries/{missing}/",
        f"/training/enrolments/{missing}/test/pre/",
        f"/training/certificates/{missing}/certificate.pdf",
        f"/training/follow-ups/{missing}/",
    ]
    for url in urls:
        assert _status(client, url) in ((302,) if who is None else (403, 404)), url
        if who in ("admin", "kh_le", "guest", "trainer"):
            assert _status(client, url) == 404, url


def _certify(tw):
    for day in tw.delivery.days:
        services.attendance_record(
            actor=tw.w.trainer,
            delivery=tw.delivery,
            day=day,
            present_ids={tw.kh_le.pk, tw.guest.pk},
        )
    for e, user in ((tw.kh_le, tw.w.kh_le), (tw.guest, tw.w.guest)):
        services.test_submit(actor=user, enrolment=reload(e), kind="post", answers=key(tw.course))
    services.delivery_completion_mark(actor=tw.w.trainer, delivery=tw.delivery)
    return Certificate.objects.get(enrolment=tw.kh_le)


@pytest.mark.parametrize(
    "who,expected",
    [
        ("kh_le", 200),
        ("trainer", 200),
        ("admin", 200),
        ("guest", 404),
        ("kh_focal", 404),
        ("th_focal", 404),
        ("kh_member", 404),
        ("other_trainer", 404),
        ("stranger", 404),
        (None, 302),
    ],
)
def test_certificate_download_matrix(who, expected, tw, people, login):
    cert = _certify(tw)
    response = _client(login, people, who).get(f"/training/certificates/{cert.pk}/certificate.pdf")
    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize(
    "who,expected",
    [
        ("trainer", 302),
        ("admin", 302),
        ("other_trainer", 404),
        ("kh_focal", 403),
        ("kh_le", 403),
        ("guest", 403),
        (None, 302),
    ],
)
def test_only_the_deliverys_trainers_and_admins_revoke(who, expected, tw, people, login):
    cert = _certify(tw)
    response = _client(login, people, who).post(
        f"/training/certificates/{cert.pk}/revoke/", {"reason": "Issued in error"}
    )
    assert response.status_code == expected
    cert.refresh_from_db()
    assert (cert.revoked_at is not None) == (who in ("trainer", "admin"))


def test_focal_point_nominates_people_of_their_country_only(tw, people, login):
    w = people
    extra = f.member_of(w.kh_police, "officer2.kh@example.test")
    thai = f.member_of(w.th_police, "officer2.th@example.test")
    enrol(w, tw.delivery, extra, w.kh_police, actor=w.kh_focal)
    with pytest.raises(Exception) as refused:
        enrol(w, tw.delivery, thai, w.th_police, actor=w.kh_focal)
    assert refused.type.__name__ == "PermissionDenied"
    page = login(w.kh_focal).get(f"/training/deliveries/{tw.delivery.pk}/enrol/")
    body = page.content.decode()
    assert "officer2.kh" not in body  # already enrolled: not offered again
    assert thai.person.display_name not in body
    # The Thai focal point may not pick a Cambodian officer even by posting a guessed id.
    membership = extra.person.memberships.get()
    response = login(w.th_focal).post(
        f"/training/deliveries/{tw.delivery.pk}/enrol/", {"membership": membership.pk}
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()


def test_focal_point_sees_who_completed_but_not_scores(tw, people, login):
    _certify(tw)
    body = login(people.kh_focal).get(f"/training/deliveries/{tw.delivery.pk}/").content.decode()
    assert people.kh_le.person.display_name in body
    assert "100.0%" not in body
    trainer_body = (
        login(people.trainer).get(f"/training/deliveries/{tw.delivery.pk}/").content.decode()
    )
    assert "100.0%" in trainer_body


def test_a_guest_sees_only_the_courses_they_are_enrolled_in(tw, people, login, world):
    from .conftest import make_course

    hidden = make_course(world, title="A course the guest is not in")
    body = login(people.guest).get("/training/").content.decode()
    assert tw.course.title in body and hidden.title not in body
    assert login(people.guest).get(f"/training/courses/{hidden.pk}/").status_code == 404
