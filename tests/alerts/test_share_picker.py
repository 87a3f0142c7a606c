"""A recipient chooses the colleague to share an alert with through the searchable picker (kind
alert_share): it searches only that alert's candidates, only for those who may share it, and
without JavaScript the plain select still works; any other id is refused with "Choose from the
list", on the alert's page."""

import pytest

from protectnet.alerts.models import AlertShare
from tests.factories import rename

from .test_pickers_in_form import REFUSED
from .test_sharing import s  # noqa: F401 - the fixture: a second Cambodian agency


def _search(client, alert, q: str = "Vanna") -> str:
    response = client.get("/pick/alert_share/", {"alert": alert, "q": q})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def colleagues(s):  # noqa: F811
    vetted = rename(s.kh_imm.person, "Vanna Vetted")
    return vetted, rename(s.kh_imm_unvetted.person, "Vanna Unvetted")


def test_the_share_form_is_a_picker_over_the_plain_select(s, send, login, colleagues):  # noqa: F811
    alert = send()
    html = login(s.kh_le).get(f"/alerts/{alert.pk}/").content.decode()
    assert f'data-picker-url="/pick/alert_share/?alert={alert.pk}"' in html
    assert '<select name="person"' in html
    assert f'<option value="{colleagues[0].pk}">{colleagues[0].label}</option>' in html
    assert "Vanna Unvetted" not in html


def test_the_search_offers_the_alerts_candidates_only(s, send, login, colleagues):  # noqa: F811
    alert = send()
    html = _search(login(s.kh_le), alert.pk)
    assert "Vanna Vetted (Cambodian Test Immigration Police)" in html
    assert "Vanna Unvetted" not in html


@pytest.mark.parametrize("who", ["uk_le", "th_le", "kh_member", "kh_le_unvetted", "kh_imm"])
def test_only_those_who_may_share_the_alert_can_search(who, s, send, login, colleagues):  # noqa: F811
    alert = send()
    html = _search(login(getattr(s, who)), alert.pk)
    assert "Vanna" not in html


@pytest.mark.parametrize("forged", ["", "nine", "999999"])
def test_a_search_for_another_alert_finds_nobody(forged, s, send, login, colleagues):  # noqa: F811
    send()
    assert "Vanna" not in _search(login(s.kh_le), forged)


def test_a_forged_colleague_is_refused_on_the_alerts_page(s, send, login, colleagues):  # noqa: F811
    alert = send()
    response = login(s.kh_le).post(f"/alerts/{alert.pk}/share/", {"person": colleagues[1].pk})
    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    assert not AlertShare.objects.exists()


def test_the_plain_select_shares_without_javascript(s, send, login, colleagues):  # noqa: F811
    alert = send()
    response = login(s.kh_le).post(f"/alerts/{alert.pk}/share/", {"person": colleagues[0].pk})
    assert response.status_code == 302
    assert AlertShare.objects.get().person == colleagues[0]
