"""A delivery that has ended takes no more trainees (service, page and API); its existing
enrolments stay exactly as they were."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from protectnet.access.models import AuditEntry
from protectnet.training.models import Enrolment
from tests import factories as f

from .conftest import enrol, make_course, make_delivery

pytestmark = pytest.mark.django_db

ENDED = "This delivery has ended"


@pytest.fixture
def ended(world):
    """A course delivered last week, with one trainee enrolled while it ran."""
    course = make_course(world)
    today = timezone.localdate()
    delivery = make_delivery(world, course, days_ago=8)
    enrol(world, delivery, world.kh_le, world.kh_police)
    type(delivery).objects.filter(pk=delivery.pk).update(
        start_date=today - timedelta(days=8), end_date=today - timedelta(days=6)
    )
    delivery.refresh_from_db()
    world.officer = f.member_of(world.kh_police, "officer.late@example.test")
    return delivery


def _snapshot(delivery) -> list[dict]:
    return list(Enrolment.objects.filter(delivery=delivery).values().order_by("pk"))


@pytest.mark.parametrize("who", ["admin", "trainer", "kh_focal"])
def test_nominators_are_refused_for_an_ended_delivery(who, ended, world):
    before = _snapshot(ended)
    audited = AuditEntry.objects.filter(action="training.enrolment.create").count()
    with pytest.raises(ValidationError, match=ENDED):
        enrol(world, ended, world.officer, world.kh_police, actor=getattr(world, who))
    assert _snapshot(ended) == before
    assert AuditEntry.objects.filter(action="training.enrolment.create").count() == audited


@pytest.mark.parametrize("who", ["th_focal", "kh_member", "kh_le", "guest"])
def test_others_are_still_refused_by_the_policy_first(who, ended, world):
    with pytest.raises(PermissionDenied):
        enrol(world, ended, world.officer, world.kh_police, actor=getattr(world, who))


def test_a_withdrawn_trainee_cannot_be_re_enrolled_after_the_end(ended, world):
    Enrolment.objects.filter(delivery=ended).update(status="withdrawn")
    with pytest.raises(ValidationError, match=ENDED):
        enrol(world, ended, world.kh_le, world.kh_police)
    assert Enrolment.objects.get(delivery=ended).status == "withdrawn"


def test_a_delivery_on_its_last_day_still_takes_trainees(world):
    delivery = make_delivery(world, make_course(world))  # ends today
    assert delivery.end_date == timezone.localdate()
    assert enrol(world, delivery, world.kh_le, world.kh_police).status == "enrolled"


def test_the_nomination_page_explains_and_enrols_nobody(ended, world, login):
    client = login(world.kh_focal)
    url = f"/training/deliveries/{ended.pk}/enrol/"
    page = client.get(url).content.decode()
    assert ENDED in page and 'role="alert"' in page
    assert '<form method="post" novalidate>' not in page
    membership = world.officer.person.memberships.get()
    before = _snapshot(ended)
    response = client.post(url, {"membership": membership.pk})
    assert response.status_code == 200
    assert ENDED in response.content.decode()
    assert _snapshot(ended) == before


def test_the_delivery_page_offers_no_nomination_once_ended(ended, world, login):
    body = login(world.kh_focal).get(f"/training/deliveries/{ended.pk}/").content.decode()
    assert ENDED in body
    assert f"/training/deliveries/{ended.pk}/enrol/" not in body


@pytest.mark.parametrize(
    "who,status",
    [
        ("admin", 422),
        ("trainer", 422),
        ("kh_focal", 422),
        ("th_focal", 404),  # not someone they may nominate
        ("kh_member", 403),
        ("guest", 403),
        (None, 401),
    ],
)
def test_api_refuses_enrolment_in_an_ended_delivery(who, status, ended, world, api):
    before = _snapshot(ended)
    response = api(getattr(world, who) if who else None).post(
        f"/api/v1/deliveries/{ended.pk}/enrolments",
        {"person": world.officer.person.pk, "organisation": world.kh_police.pk},
        content_type="application/json",
    )
    assert response.status_code == status, response.content
    if status == 422:
        assert ENDED in str(response.json()["errors"])
    assert _snapshot(ended) == before
