"""Alert statistics leak nothing about single alerts to anyone outside them.

Network admins (not vetted law enforcement) get network figures: completed months only, no RED or
retracted alerts, counts of 1-4 shown as "fewer than 5", secondary cells hidden so that totals do
not give a small cell away, and no median over fewer than 5 acknowledgements. Vetted members of
law-enforcement agencies get exact counts of the alerts they can already open. Focal points,
members, guests and anonymous visitors get 404. Page, CSV and API agree.
"""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from protectnet.access.markings import Marking
from protectnet.alerts import services
from protectnet.alerts.models import Alert, AlertRecipient, Status
from tests import factories as f

from .conftest import SUBJECT_NAME, SUMMARY

FEWER = "fewer than 5"


def _last_month():
    start = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return start - timedelta(days=10)


def backdate(alert, when, ack_after: timedelta | None = None) -> None:
    """Move a sent alert (and its delivery and acknowledgements) to `when`."""
    Alert.objects.filter(pk=alert.pk).update(sent_at=when, submitted_at=when)
    rows = AlertRecipient.objects.filter(alert=alert)
    rows.update(delivered_at=when)
    if ack_after is not None:
        rows.update(acknowledged_at=when + ack_after)


@pytest.fixture
def other_le(w):
    """A vetted member of a law-enforcement agency that takes part in none of the alerts."""
    agency = f.OrganisationFactory(
        name="Cambodian Test Immigration", sector="law_enforcement", country=w.kh
    )
    return f.make_le_vetted(agency, "le.immigration.kh@example.test")


@pytest.fixture
def history(w, send):
    """Last month: 6 travel notifications to Cambodia, 2 information alerts to Cambodia and
    Thailand, 1 RED alert naming the Cambodian officer, 1 retracted alert; and 1 sent today."""
    when = _last_month()
    for hours in range(1, 7):
        backdate(send(), when, ack_after=timedelta(hours=hours))
    for _ in range(2):
        backdate(
            send(recipients=[w.kh_police, w.th_police], alert_type="information", subject={}), when
        )
    red = send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    services.alert_approve(actor=w.uk_le2, alert=red)
    backdate(red, when)
    retracted = send()
    services.alert_retract(
        actor=w.uk_le,
        alert=Alert.objects.prefetch_related("recipients").get(pk=retracted.pk),
        reason="sent_in_error",
    )
    backdate(retracted, when)
    today = send()
    return {"red": red, "retracted": retracted, "today": today}


def _page(client):
    response = client.get("/alerts/statistics/")
    assert response.status_code == 200
    return response.context["stats"], response.content.decode()


def _cells(rows) -> dict:
    return {c.label: (c.count if not c.suppressed else c.display) for c in rows}


def test_admin_gets_suppressed_network_figures(w, history, login):
    stats, body = _page(login(w.admin))
    assert stats.basis == "network"
    assert SUBJECT_NAME not in body and SUMMARY not in body
    # RED, retracted and this month's alerts are left out: 6 travel + 2 information.
    assert stats.total.count == 8
    assert _cells(stats.by_origin) == {"United Kingdom": 8}
    assert _cells(stats.by_month) == {_last_month().strftime("%Y-%m"): 8}
    # Information (2) is fewer than 5; travel (6) is hidden too, or 8 - 6 would give the 2 away.
    assert _cells(stats.by_type) == {
        "Travel notification": "not shown (protects a small count)",
        "Information": FEWER,
    }
    assert _cells(stats.by_destination) == {
        "Cambodia": "not shown (protects a small count)",
        "Thailand": FEWER,
    }
    assert FEWER in body and "updated once a month" in body
    # 6 acknowledgements, 4 rows unacknowledged (fewer than 5, so the 6 is hidden too); the
    # median over 6 acknowledgements is shown.
    assert stats.not_acknowledged.display == FEWER and stats.acknowledged.count is None
    assert stats.acknowledged.reason == "protects_a_small_count"
    assert stats.median_hours_to_ack == 3.5 and stats.median_suppressed is False


def test_an_alert_sent_today_changes_nothing_an_admin_sees(w, history, send, login, api):
    before = api(w.admin).get("/api/v1/alerts/statistics").json()
    page_before, _body = _page(login(w.admin))
    send(recipients=[w.th_police])
    red = send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    services.alert_approve(actor=w.uk_le2, alert=red)
    assert api(w.admin).get("/api/v1/alerts/statistics").json() == before
    assert _page(login(w.admin))[0] == page_before


def test_retracted_and_red_alerts_are_left_out_for_admins(w, history, login):
    for name in ("red", "retracted"):
        Alert.objects.filter(pk=history[name].pk).update(alert_type="request_for_assistance")
    stats, body = _page(login(w.admin))
    assert "Request for assistance" not in body
    assert "Request for assistance" not in _cells(stats.by_type)


def test_api_reports_suppressed_cells_as_null_with_a_flag(w, history, api):
    data = api(w.admin).get("/api/v1/alerts/statistics").json()
    assert data["basis"] == "network" and data["threshold"] == 5
    assert data["period_end"] == timezone.localdate().replace(day=1).isoformat()
    assert data["total"] == 8 and data["total_suppressed"] is False
    by_type = {r["label"]: r for r in data["by_type"]}
    assert by_type["Information"] == {
        "label": "Information",
        "count": None,
        "suppressed": True,
        "reason": "fewer_than_5",
    }
    assert by_type["Travel notification"]["count"] is None
    assert by_type["Travel notification"]["reason"] == "protects_a_small_count"
    assert {"label": "United Kingdom", "count": 8, "suppressed": False, "reason": None} in data[
        "by_origin"
    ]


def test_the_schema_documents_suppression(w, api):
    schema = api(w.admin).get("/api/v1/openapi.json").json()
    rows = schema["components"]["schemas"]["CountRow"]["properties"]
    assert "fewer_than_5" in rows["suppressed"]["description"]
    assert "null" in rows["count"]["description"]
    out = schema["components"]["schemas"]["StatsOut"]
    assert "median_suppressed" in out["properties"] and "suppressed" in out["description"]


def test_csv_for_admins_says_fewer_than_5_and_gives_no_small_number(w, history, login):
    response = login(w.admin).get("/alerts/statistics.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_key = {(r[0], r[1]): r[2] for r in rows[1:]}
    assert by_key[("type", "Information")] == FEWER
    assert by_key[("type", "Travel notification")] == "not shown (protects a small count)"
    assert by_key[("destination country", "Thailand")] == FEWER
    assert by_key[("alerts sent", "")] == "8"
    assert not any(r[2] in {"1", "2", "3", "4"} for r in rows[1:]), rows


def test_a_small_month_is_fewer_than_5_and_the_median_needs_5_acknowledgements(w, send, api):
    when = _last_month()
    for hours in (1, 2, 3):
        backdate(send(), when, ack_after=timedelta(hours=hours))
    data = api(w.admin).get("/api/v1/alerts/statistics").json()
    assert data["total"] is None and data["total_suppressed"] is True
    assert [r["count"] for r in data["by_month"]] == [None]
    assert data["median_hours_to_ack"] is None and data["median_suppressed"] is True
    assert data["acknowledged"] is None and data["acknowledged_suppressed"] is True


def test_participating_agency_sees_exact_counts_of_its_own_alerts(w, history, login, api):
    stats, _body = _page(login(w.kh_le))
    assert stats.basis == "agency" and not stats.suppressed
    # Everything delivered to Cambodia that kh_le can open: 6 + 2 + RED (named) + retracted
    # + today's, exact and live.
    assert stats.total.count == 11
    assert _cells(stats.by_type) == {"Travel notification": 9, "Information": 2}
    data = api(w.kh_le).get("/api/v1/alerts/statistics").json()
    assert data["basis"] == "agency" and data["total"] == 11
    assert data["period_end"] is None
    # A colleague not named on the RED alert does not count it.
    assert _page(login(w.kh_le2))[0].total.count == 10
    # Thailand's officer counts only the two alerts Thailand received.
    thai = _page(login(w.th_le))[0]
    assert thai.total.count == 2 and _cells(thai.by_type) == {"Information": 2}


def test_vetted_member_of_another_agency_counts_nothing(w, history, other_le, login, api):
    stats, body = _page(login(other_le))
    assert stats.basis == "agency" and stats.total.count == 0
    assert stats.by_type == [] and stats.by_destination == [] and stats.by_month == []
    assert "No data yet." in body
    assert api(other_le).get("/api/v1/alerts/statistics").json()["total"] == 0


ROLES = ["admin", "kh_focal", "kh_le", "other_le", "kh_member", "kh_le_unvetted", "guest", None]
EXPECTED = {"admin": "network", "kh_le": "agency", "other_le": "agency"}


@pytest.mark.parametrize("who", ROLES)
def test_stats_visibility_matrix(w, history, other_le, login, api, who):
    user = other_le if who == "other_le" else (getattr(w, who) if who else None)
    page = login(user).get("/alerts/statistics/")
    export = login(user).get("/alerts/statistics.csv")
    data = api(user).get("/api/v1/alerts/statistics")
    basis = EXPECTED.get(who)
    if basis is None:
        assert page.status_code == export.status_code == 404
        assert data.status_code in (401, 404) if user is None else data.status_code == 404
        assert b"Partner alert statistics" not in login(user).get("/reports/").content
        return
    assert page.status_code == export.status_code == data.status_code == 200
    assert page.context["stats"].basis == data.json()["basis"] == basis
    assert history["today"].reference not in page.content.decode()


def test_stats_export_records_which_figures_were_taken(w, history, login):
    from protectnet.access.models import AuditEntry

    login(w.admin).get("/alerts/statistics.csv")
    login(w.kh_le).get("/alerts/statistics.csv")
    entries = AuditEntry.objects.filter(action="alerts.stats.export").order_by("pk")
    assert [(e.actor_id, e.data["basis"]) for e in entries] == [
        (w.admin.pk, "network"),
        (w.kh_le.pk, "agency"),
    ]
    assert Alert.objects.filter(status=Status.RETRACTED).count() == 1


@pytest.mark.queries("alerts:stats", "alerts:stats_export", "api:alerts_stats_get")
@pytest.mark.parametrize("who", ["admin", "kh_le"])
@pytest.mark.parametrize(
    "url", ["/alerts/statistics/", "/alerts/statistics.csv", "/api/v1/alerts/statistics"]
)
def test_statistics_cost_the_same_queries_for_2_and_20_counted_alerts(
    w, send, login, api, who, url
):
    from .test_queries import _count

    def make(n):
        for i in range(n):
            backdate(send(), _last_month(), ack_after=timedelta(hours=i + 1))

    client = api(getattr(w, who)) if url.startswith("/api/") else login(getattr(w, who))
    make(2)
    small = _count(client, url)
    make(18)
    assert _count(client, url) == small
