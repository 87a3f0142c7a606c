"""Dashboard cards and the follow-up page."""

from datetime import timedelta

import pytest

from protectnet.training import services
from protectnet.training.models import FollowUp

from .conftest import key, reload

pytestmark = pytest.mark.django_db


def _complete(tw):
    for day in tw.delivery.days:
        services.attendance_record(
            actor=tw.w.trainer, delivery=tw.delivery, day=day, present_ids={tw.kh_le.pk}
        )
    services.test_submit(
        actor=tw.w.kh_le, enrolment=reload(tw.kh_le), kind="post", answers=key(tw.course)
    )
    services.delivery_completion_mark(actor=tw.w.trainer, delivery=tw.delivery)


@pytest.mark.parametrize(
    "who,shown,hidden",
    [
        ("guest", ["My courses"], ["People trained this year", "Deliveries you train"]),
        ("trainer", ["Deliveries you train", "People trained this year"], ["My courses"]),
        ("admin", ["People trained this year"], ["Deliveries you train"]),
        ("kh_member", [], ["My courses", "People trained this year"]),
    ],
)
def test_dashboard_cards_follow_the_roles(who, shown, hidden, tw, login):
    body = login(getattr(tw.w, who)).get("/").content.decode()
    for title in shown:
        assert title in body, title
    for title in hidden:
        assert title not in body, title


def test_trainee_answers_a_followup_once_from_my_courses(tw, login):
    _complete(tw)
    services.followups_send(today=tw.delivery.end_date + timedelta(days=93))
    followup = FollowUp.objects.get()
    client = login(tw.w.kh_le)
    mine = client.get("/training/mine/").content.decode()
    assert f"/training/follow-ups/{followup.pk}/" in mine
    url = f"/training/follow-ups/{followup.pk}/"
    assert client.post(url, {"applied": "sometimes"}).status_code == 200
    response = client.post(url, {"applied": "partly", "example": "Used it in one case."})
    assert response.status_code == 302
    followup.refresh_from_db()
    assert followup.applied == "partly" and followup.answered_at is not None
    assert client.get(url).status_code == 302  # already answered
    assert login(tw.w.guest).get(url).status_code == 404  # someone else's follow-up
