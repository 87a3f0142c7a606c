"""A delivery's trainers are chosen with the searchable picker: it offers only people the reader
may see who hold the trainer role, only to those who schedule deliveries; the form refuses any
other id with an error the trainer understands, and without JavaScript the plain list serves."""

import pytest
from django.utils import timezone

from protectnet.training.models import Delivery
from tests import factories as f


@pytest.fixture
def sok(world):
    trainer = f.make_trainer("sok.trainer@example.test", org=world.kh_ngo).person
    other = f.member_of(world.kh_ngo, "sok.other@example.test").person
    return f.rename(trainer, "Sok Trainer"), f.rename(other, "Sok Nottrainer")


def _data(world, **extra) -> dict:
    start = timezone.localdate() + timezone.timedelta(days=30)
    return {
        "start_date": start.isoformat(),
        "end_date": (start + timezone.timedelta(days=2)).isoformat(),
        "mode": "online",
        "host_country": str(world.th.pk),
        "language": "th",
        "capacity": "12",
        **extra,
    }


def test_the_delivery_form_renders_a_trainer_picker(tw, login, sok):
    html = login(tw.w.admin).get(f"/training/courses/{tw.course.pk}/deliveries/new/")
    html = html.content.decode()
    assert 'data-picker-url="/pick/trainer/"' in html and "data-picker-multiple" in html
    assert '<select name="trainers"' in html  # without JavaScript, the plain list
    assert "Sok Trainer (Cambodian Test NGO)</option>" in html
    assert "Sok Nottrainer" not in html


@pytest.mark.parametrize(
    ("who", "sees"), [("admin", True), ("trainer", True), ("kh_member", False)]
)
def test_trainer_search_offers_trainers_only(who, sees, tw, login, sok):
    response = login(getattr(tw.w, who)).get("/pick/trainer/", {"q": "Sok"})
    html = response.content.decode()
    assert ("Sok Trainer (Cambodian Test NGO)" in html) is sees
    assert "Sok Nottrainer" not in html


def test_a_forged_trainer_is_refused_with_a_clear_error(tw, login, sok):
    before = Delivery.objects.count()
    url = f"/training/courses/{tw.course.pk}/deliveries/new/"
    response = login(tw.w.admin).post(url, _data(tw.w, trainers=[sok[1].pk]))
    assert response.status_code == 200
    assert "not among those you may choose here" in response.content.decode()
    assert Delivery.objects.count() == before


def test_a_trainer_chosen_from_the_list_is_saved(tw, login, sok):
    url = f"/training/courses/{tw.course.pk}/deliveries/new/"
    response = login(tw.w.admin).post(url, _data(tw.w, trainers=[sok[0].pk]))
    assert response.status_code == 302
    assert list(Delivery.objects.latest("pk").trainers.all()) == [sok[0]]
