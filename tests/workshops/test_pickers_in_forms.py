"""The workshops' forms choose people, organisations and time zones through the searchable
picker: the page offers only what the reader may choose, and an id outside it is refused."""

from django.utils import timezone

from protectnet.workshops.models import Nomination, Outcome

from .conftest import person_in


def test_nomination_picker_searches_the_delegations_country(world, ws, login):
    html = login(world.kh_focal).get(f"/workshops/delegations/{ws.kh_del.pk}/").content.decode()
    assert 'data-picker-url="/pick/person/?country=KH"' in html


def test_a_forged_nominee_of_another_country_is_refused(world, ws, login):
    thai = person_in(world.th_police, full_name="Somchai Forged")
    response = login(world.kh_focal).post(
        f"/workshops/delegations/{ws.kh_del.pk}/", {"person": thai.pk, "note": ""}
    )
    assert response.status_code == 200
    assert "not among those you may choose here" in response.content.decode()
    assert not Nomination.objects.filter(person=thai).exists()


def test_workshop_form_picks_host_funders_partners_and_time_zone(world, ws, login):
    html = login(world.admin).get(f"/workshops/{ws.workshop.pk}/edit/").content.decode()
    assert html.count('data-picker-url="/pick/organisation/"') == 3
    assert 'data-picker-url="/pick/time_zone/"' in html
    assert html.count("data-picker-multiple") == 2  # funders and partners


def test_outcome_contact_never_offers_an_erased_entry_and_refuses_its_id(world, ws, login):
    gone = person_in(world.kh_ngo, full_name="Erased Contact")
    gone.erased_at = timezone.now()
    gone.save(update_fields=["erased_at"])
    client = login(world.admin)
    url = f"/workshops/{ws.workshop.pk}/outcomes/new/"
    assert "Erased Contact" not in client.get(url).content.decode()
    response = client.post(
        url,
        {"kind": "initiative", "title": "Hotline", "status": "planned", "contact": gone.pk},
    )
    assert "not among those you may choose here" in response.content.decode()
    assert not Outcome.objects.filter(title="Hotline").exists()
