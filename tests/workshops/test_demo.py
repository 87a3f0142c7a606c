"""The demo: five editions, the 5th in Phnom Penh, a guest who sees only their workshop."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from protectnet.demo import network as network_demo
from protectnet.demo import workshops as demo
from protectnet.workshops.models import Registration, Session, Workshop
from protectnet.workshops.report import headlines
from tests.conftest import sign_in


@pytest.mark.slow
def test_demo_builds_five_editions_once_and_the_guest_sees_only_theirs(db, client):
    network_demo.load()
    demo.load()
    fifth = Workshop.objects.get(edition=5)
    assert (fifth.city, fifth.start_date, fifth.end_date) == (
        "Phnom Penh",
        date(2014, 3, 3),
        date(2014, 3, 4),
    )
    assert fifth.time_zone == "Asia/Phnom_Penh"
    assert Workshop.objects.count() == 5
    counts = (Session.objects.count(), Registration.objects.count())
    heads = headlines(list(Workshop.objects.values_list("pk", flat=True)))
    assert all(h.attended and h.responses and h.outcomes_total for h in heads.values())
    assert all(h.countries == 10 for h in heads.values())
    demo.load()
    assert (Session.objects.count(), Registration.objects.count()) == counts

    guest = get_user_model().objects.get(email="guest@protectnet.test")
    browser = sign_in(client, guest)
    listing = browser.get("/workshops/").content.decode()
    assert fifth.title in listing
    assert Workshop.objects.get(edition=4).title not in listing
    assert browser.get(f"/workshops/{fifth.pk}/agenda/").status_code == 200
    assert (
        browser.get(f"/workshops/{Workshop.objects.get(edition=4).pk}/agenda/").status_code == 404
    )
    assert "Vegetarian" in browser.get(f"/workshops/{fifth.pk}/me/").content.decode()
    agenda = browser.get(f"/workshops/{fifth.pk}/agenda/").content.decode()
    assert "Transnational child sex offenders" in agenda
