"""List and detail pages cost a constant number of queries, whatever the number of rows."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from protectnet.alerts import services
from protectnet.alerts.models import Alert


def _make(w, send, n: int):
    """n more alerts to Cambodia and Thailand, every other one answered, and every one past its
    acknowledgement deadline and escalated, so that the overdue views grow too."""
    for i in range(n):
        alert = send(recipients=[w.kh_police, w.th_police])
        if i % 2:
            services.alert_reply(
                actor=w.kh_le,
                alert=Alert.objects.prefetch_related("recipients").get(pk=alert.pk),
                body=f"reply {i}",
            )
    Alert.objects.filter(recipients__escalated_at__isnull=True).update(
        ack_deadline=timezone.now() - timedelta(hours=1)
    )
    call_command("escalate_alerts", stdout=StringIO())


def _count(client, url) -> int:
    client.get(url)  # warm up: the token's last-used stamp is written at most once a minute
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.queries("alerts:alert_list", "alerts:alert_overdue")
@pytest.mark.parametrize(
    "url",
    [
        "/alerts/",
        "/alerts/?box=inbox",
        "/alerts/?needs=ack",
        "/alerts/?overdue=1",
        "/alerts/overdue/",
    ],
)
def test_list_pages_take_the_same_queries_for_2_and_20_alerts(w, send, login, url):
    client = login(w.kh_le)
    _make(w, send, 2)
    small = _count(client, url)
    assert "escalated" in client.get("/alerts/overdue/").content.decode()
    _make(w, send, 18)
    assert _count(client, url) == small


@pytest.mark.queries("alerts:stats")
def test_statistics_take_the_same_queries_for_2_and_20_alerts(w, send, login):
    client = login(w.admin)
    _make(w, send, 2)
    small = _count(client, "/alerts/statistics/")
    _make(w, send, 18)
    assert _count(client, "/alerts/statistics/") == small


@pytest.mark.queries("api:alerts_alert_list", "api:alerts_overdue_list", "api:alerts_stats_get")
@pytest.mark.parametrize(
    "who,url",
    [
        ("kh_le", "/api/v1/alerts?limit=100"),
        ("kh_le", "/api/v1/alerts?needs=ack&overdue=true"),
        ("kh_le", "/api/v1/alerts/overdue"),
        ("admin", "/api/v1/alerts/statistics"),
    ],
)
def test_api_lists_take_the_same_queries_for_2_and_20_alerts(w, send, api, who, url):
    client = api(getattr(w, who))
    _make(w, send, 2)
    small = _count(client, url)
    _make(w, send, 18)
    assert _count(client, url) == small


@pytest.mark.queries("alerts:alert_detail", "api:alerts_alert_get")
@pytest.mark.parametrize("via", ["page", "api"])
def test_detail_is_constant_in_replies_reads_and_recipients(w, send, login, api, via):
    alert = send(recipients=[w.kh_police, w.th_police])
    load = Alert.objects.prefetch_related("recipients")
    sender = login(w.uk_le) if via == "page" else api(w.uk_le)
    url = f"/alerts/{alert.pk}/" if via == "page" else f"/api/v1/alerts/{alert.pk}"
    services.alert_reply(actor=w.kh_le, alert=load.get(pk=alert.pk), body="one")
    sender.get(url)
    small = _count(sender, url)
    for i in range(20):
        services.alert_reply(actor=w.th_le, alert=load.get(pk=alert.pk), body=f"more {i}")
        services.alert_read(actor=w.kh_le, alert=load.get(pk=alert.pk))
    assert _count(sender, url) == small


def test_detail_page_query_budget(w, send, login, django_assert_max_num_queries):
    """Session, user, principal (roles, person, memberships, focal, vetting, device), the alert
    and its prefetches, the read log entry and its audit entry: about thirty, never per row."""
    alert = send()
    client = login(w.kh_le)
    client.get(f"/alerts/{alert.pk}/")
    with django_assert_max_num_queries(40):
        client.get(f"/alerts/{alert.pk}/")
