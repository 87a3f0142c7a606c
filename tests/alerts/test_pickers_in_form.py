"""The alert form chooses its recipient agencies and a RED alert's named recipients with the
searchable picker: the searches offer only what the form accepts (partner agencies; vetted
officers of those agencies and the sender's own), only to those who may write alerts, and the
form refuses any other id with an error the sender understands."""

import pytest

from protectnet.alerts.models import Alert
from tests.factories import rename

from .test_terminology import _form_data

NEW = "/alerts/new/travel_notification/"
REFUSED = "not among those you may choose here"


@pytest.fixture
def officers(w):
    return rename(w.kh_le.person, "Dara Vetted"), rename(w.kh_le_unvetted.person, "Dara Unvetted")


def _pick(client, kind: str, q: str) -> str:
    response = client.get(f"/pick/{kind}/", {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_the_form_renders_both_pickers_over_plain_selects(w, login, officers):
    html = login(w.uk_le).get(NEW).content.decode()
    assert 'data-picker-url="/pick/alert_agency/"' in html
    assert 'data-picker-url="/pick/alert_person/"' in html
    assert '<select name="recipients"' in html and '<select name="named_people"' in html
    assert "Cambodian Test Police (Cambodia)" in html  # without JavaScript, the plain list
    assert f"{officers[0].label}</option>" in html
    assert "Dara Unvetted" not in html and "Cambodian Test NGO" not in html


def test_agency_search_offers_partner_law_enforcement_only(w, login):
    html = _pick(login(w.uk_le), "alert_agency", "Test")
    assert "Cambodian Test Police (Cambodia)" in html and "Thai Test Police" in html
    assert "Cambodian Test NGO" not in html  # not law enforcement
    assert "UK Test Agency" not in html  # the sender's own country


def test_person_search_offers_vetted_officers_by_name_and_agency(w, login, officers):
    html = _pick(login(w.uk_le), "alert_person", "Dara")
    assert "Dara Vetted (Cambodian Test Police)" in html
    assert "Dara Unvetted" not in html


@pytest.mark.parametrize("who", ["kh_member", "kh_le_unvetted", "admin"])
def test_only_those_who_may_write_alerts_can_search(who, w, login, officers):
    client = login(getattr(w, who))
    assert "Dara" not in _pick(client, "alert_person", "Dara")
    assert "Cambodian Test Police" not in _pick(client, "alert_agency", "Cambodian")


def test_a_forged_agency_is_refused_with_a_clear_error(w, login):
    data = {**_form_data(w, "Please act."), "recipients": [w.kh_ngo.pk], "draft": "1"}
    response = login(w.uk_le).post(NEW, data)
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not Alert.objects.exists()


def test_an_unvetted_officer_cannot_be_named(w, login, officers):
    data = {
        **_form_data(w, "Please act."),
        "marking": "RED",
        "named_people": [officers[1].pk],
        "draft": "1",
    }
    response = login(w.uk_le).post(NEW, data)
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not Alert.objects.exists()


def test_a_vetted_officer_is_named_through_the_form(w, login, officers):
    data = {
        **_form_data(w, "Please act."),
        "marking": "RED",
        "named_people": [officers[0].pk],
        "draft": "1",
    }
    assert login(w.uk_le).post(NEW, data).status_code == 302
    assert list(Alert.objects.get().named_people.all()) == [officers[0]]
