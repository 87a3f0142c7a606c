"""Which alerts a vetted member may read is asked from the member's side (the agency's recipient
rows, the sender column, the person's shares and namings, each read from its index), never by
joining every alert of the network with its recipients and named people: on SQLite that join
was built in full before the first row of the overdue list, so the page grew with the network."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from protectnet.alerts import selectors
from protectnet.alerts.models import Alert, AlertRecipient
from tests import factories as f

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's planner (PostgreSQL hashes the subplans)"
)


def _others_alerts(w, n: int) -> None:
    """n alerts between forty other agencies, as a network's history: most closed, one in five
    still open and overdue, none the reader's agency's."""
    agencies = [
        f.OrganisationFactory(sector="law_enforcement", country=w.th_police.country)
        for _ in range(40)
    ]
    late = timezone.now() - timedelta(days=3)
    alerts = Alert.objects.bulk_create(
        Alert(
            reference=f"PA-T{i:07X}",
            alert_type="information",
            sender_organisation=agencies[i % 40],
            origin_country=w.th_police.country,
            ack_deadline=late,
            status="sent" if i % 5 == 0 else "closed",
            sent_at=late - timedelta(days=1),
        )
        for i in range(n)
    )
    AlertRecipient.objects.bulk_create(
        AlertRecipient(
            alert=a,
            organisation=agencies[(i * 7 + 1) % 40],
            country=w.th_police.country,
            delivered_at=late,
        )
        for i, a in enumerate(alerts)
    )


def _plan(qs) -> str:
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def test_the_overdue_list_never_reads_every_alert_of_the_network(w, send):
    mine = send(recipients=[w.kh_police])
    Alert.objects.filter(pk=mine.pk).update(ack_deadline=timezone.now() - timedelta(hours=1))
    _others_alerts(w, 300)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    overdue = selectors.alert_overdue_list(user=w.kh_le)
    # The policy holds: only the reader's agency's alert, none of the 300 others'.
    assert [a.pk for a in overdue] == [mine.pk]
    plan = _plan(selectors.alert_overdue_list(user=w.kh_le)[:25])
    # No alert, recipient, share or naming read in full (a small table such as the agencies may
    # be scanned to join the sender, as the planner likes).
    scans = [line for line in plan.splitlines() if line.startswith("SCAN ")]
    scans = [line for line in scans if not line.startswith("SCAN network_")]
    assert scans == [], plan
    assert "alerts_alertrecipient_organisation_id" in plan, plan
