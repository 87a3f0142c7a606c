"""Statistics hold counts only (exact for vetted law enforcement, suppressed for admins: see
test_stats_suppression.py); the dashboard card shows only to vetted members."""

from datetime import timedelta

import pytest

from protectnet.alerts import services
from protectnet.alerts.models import Alert, AlertRecipient

from .conftest import SUBJECT_NAME, SUMMARY


@pytest.fixture
def history(w, send):
    first = send(recipients=[w.kh_police, w.th_police])
    send(recipients=[w.kh_police], alert_type="information", subject={})
    send(send=False)  # drafts are not counted
    row = AlertRecipient.objects.get(alert=first, organisation=w.kh_police)
    AlertRecipient.objects.filter(pk=row.pk).update(
        acknowledged_at=row.delivered_at + timedelta(hours=4)
    )
    row = AlertRecipient.objects.get(alert=first, organisation=w.th_police)
    AlertRecipient.objects.filter(pk=row.pk).update(
        acknowledged_at=row.delivered_at + timedelta(hours=10), outcome="monitored"
    )
    return first


def test_sender_sees_exact_counts_and_no_content(w, history, login):
    response = login(w.uk_le).get("/alerts/statistics/")
    body = response.content.decode()
    assert response.status_code == 200
    assert SUBJECT_NAME not in body and SUMMARY not in body and history.reference not in body
    stats = response.context["stats"]

    def counts(cells):
        return {c.label: c.count for c in cells}

    assert stats.total.count == 2
    assert counts(stats.by_type) == {"Travel notification": 1, "Information": 1}
    assert counts(stats.by_origin) == {"United Kingdom": 2}
    assert counts(stats.by_destination) == {"Cambodia": 2, "Thailand": 1}
    assert stats.median_hours_to_ack is None and stats.median_suppressed  # 2 acknowledgements
    assert counts(stats.by_outcome) == {"Monitored": 1}
    assert "<svg" in body and "<table" in body


def test_stats_api_for_vetted_members_and_admins_only(w, history, api):
    data = api(w.uk_le).get("/api/v1/alerts/statistics").json()
    assert data["total"] == 2 and data["median_hours_to_ack"] is None
    assert {"label": "Cambodia", "count": 2, "suppressed": False, "reason": None} in data[
        "by_destination"
    ]
    for user in (w.kh_le_unvetted, w.kh_focal, w.kh_member, w.guest):
        assert api(user).get("/api/v1/alerts/statistics").status_code == 404


@pytest.mark.parametrize(
    "who", ["kh_le_unvetted", "th_member", "kh_focal", "kh_member", "guest", None]
)
def test_stats_page_is_not_found_for_non_admins(w, history, login, who):
    client = login(getattr(w, who) if who else None)
    assert client.get("/alerts/statistics/").status_code == 404
    assert client.get("/alerts/statistics.csv").status_code == 404


def test_stats_csv_neutralises_nothing_personal(w, history, login):
    response = login(w.uk_le).get("/alerts/statistics.csv")
    text = response.content.decode("utf-8-sig")
    assert "Cambodia" in text and SUBJECT_NAME not in text


def _awaiting(response) -> list:
    return [n for n in response.context["needs"] if "needs=ack" in n.url]


def test_dashboard_counts_alerts_awaiting_my_agency_among_what_needs_me(w, history, login):
    need = _awaiting(login(w.kh_le).get("/"))
    assert [n.count for n in need] == [1]  # the information alert; the other one is acknowledged
    services.alert_acknowledge(
        actor=w.kh_le,
        alert=Alert.objects.prefetch_related("recipients").get(alert_type="information"),
    )
    assert _awaiting(login(w.kh_le).get("/")) == []  # nothing left: the need is not listed


def test_nav_shows_alerts_to_vetted_members_only(w, login):
    assert 'href="/alerts/"' in login(w.kh_le).get("/").content.decode()
    for user in (w.admin, w.kh_le_unvetted, w.kh_member, w.guest):
        assert 'href="/alerts/"' not in login(user).get("/").content.decode()
