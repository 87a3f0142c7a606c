"""The median time to acknowledgement is computed by the database: the same figure as sorting
every acknowledgement, for odd and even counts, to the minute, ignoring unacknowledged rows.
It needs at least 5 acknowledgements (fewer would give single ones away)."""

from datetime import timedelta

import pytest

from protectnet.alerts.models import AlertRecipient


@pytest.fixture
def acknowledge():
    def _ack(alert, organisation, after: timedelta) -> None:
        row = AlertRecipient.objects.get(alert=alert, organisation=organisation)
        AlertRecipient.objects.filter(pk=row.pk).update(acknowledged_at=row.delivered_at + after)

    return _ack


def _median(api, w):
    return api(w.uk_le).get("/api/v1/alerts/statistics").json()["median_hours_to_ack"]


def test_no_acknowledgement_gives_no_median(w, send, api, login):
    send(recipients=[w.kh_police, w.th_police])
    assert _median(api, w) is None
    assert login(w.uk_le).get("/alerts/statistics/").context["stats"].acknowledged.count == 0


def test_fewer_than_five_acknowledgements_give_no_median(w, send, api, acknowledge):
    alerts = [send(recipients=[w.kh_police, w.th_police]) for _ in range(2)]
    for alert in alerts:
        acknowledge(alert, w.kh_police, timedelta(hours=1))
        acknowledge(alert, w.th_police, timedelta(hours=2))
    data = api(w.uk_le).get("/api/v1/alerts/statistics").json()
    assert data["median_hours_to_ack"] is None and data["median_suppressed"] is True


def test_odd_count_takes_the_middle_acknowledgement(w, send, api, acknowledge):
    first, second, third = (send(recipients=[w.kh_police, w.th_police]) for _ in range(3))
    acknowledge(first, w.kh_police, timedelta(hours=30))
    acknowledge(first, w.th_police, timedelta(minutes=90))
    acknowledge(second, w.kh_police, timedelta(hours=2, minutes=20))
    acknowledge(third, w.kh_police, timedelta(minutes=10))
    acknowledge(third, w.th_police, timedelta(hours=50))
    # The unacknowledged row (second alert, Thailand) does not enter the median.
    assert _median(api, w) == 2.3  # 2 h 20 min: 10 min, 1 h 30, [2 h 20], 30 h, 50 h


def test_even_count_averages_the_two_middle_acknowledgements(w, send, api, acknowledge, login):
    first, second, third = (send(recipients=[w.kh_police, w.th_police]) for _ in range(3))
    acknowledge(first, w.kh_police, timedelta(hours=1))
    acknowledge(first, w.th_police, timedelta(hours=3))
    acknowledge(second, w.kh_police, timedelta(hours=48))
    acknowledge(second, w.th_police, timedelta(minutes=12))
    acknowledge(third, w.kh_police, timedelta(minutes=6))
    acknowledge(third, w.th_police, timedelta(hours=60))
    assert _median(api, w) == 2.0  # between 1 h and 3 h
    stats = login(w.uk_le).get("/alerts/statistics/").context["stats"]
    assert (stats.acknowledged.count, stats.not_acknowledged.count) == (6, 0)
