"""Alert statistics are counted once per version of the alerts and reader's scope: the page
after the API (or a second visit) counts nothing, and a sent, acknowledged or answered alert
shows at once to the agencies that may count it."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from protectnet.alerts import services
from protectnet.alerts.models import Alert
from protectnet.alerts.selectors.stats import alert_stats

pytestmark = pytest.mark.django_db


def _total(api_client) -> int:
    return api_client.get("/api/v1/alerts/statistics").json()["total"]


def _alert_counts(client) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/alerts/statistics/").status_code == 200
    return [q["sql"] for q in ctx.captured_queries if '"alerts_alert' in q["sql"]]


def test_a_second_reading_counts_nothing(w, send, login):
    send(recipients=[w.kh_police])
    client = login(w.uk_le)
    assert _alert_counts(client)
    assert _alert_counts(client) == []


def test_sending_acknowledging_and_answering_show_on_the_next_reading(w, send, api):
    sender, receiver = api(w.uk_le), api(w.kh_le)
    first = send(recipients=[w.kh_police])
    assert _total(sender) == 1 and _total(receiver) == 1
    send(recipients=[w.th_police])
    assert _total(sender) == 2
    assert _total(receiver) == 1  # the Thai alert is not the Cambodian agency's to count
    services.alert_acknowledge(actor=w.kh_le, alert=first)
    data = sender.get("/api/v1/alerts/statistics").json()
    assert data["acknowledged"] == 1
    first = Alert.objects.get(pk=first.pk)  # the rows as they are now
    services.alert_outcome(actor=w.kh_le, alert=first, outcome="monitored")
    data = sender.get("/api/v1/alerts/statistics").json()
    assert {c["label"]: c["count"] for c in data["by_outcome"]} == {"Monitored": 1}


def test_network_figures_are_cached_per_month(w, send):
    send(recipients=[w.kh_police])
    now = timezone.now()
    assert alert_stats(user=w.admin, now=now).total.count == 0  # this month is not counted
    next_month = (now.replace(day=1) + timedelta(days=32)).replace(day=2)
    later = alert_stats(user=w.admin, now=next_month)
    assert later.period_end > now.date()
    assert later.total.count is None or later.total.count > 0  # counted (or withheld, 1-4)
