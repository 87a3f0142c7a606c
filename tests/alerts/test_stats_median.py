"""The median time to acknowledgement is computed by the database: the same figure as sorting
every acknowledgement, for odd and even counts, to the minute, ignoring unacknowledged rows."""

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
    return api(w.admin).get("/api/v1/alerts/statistics").json()["median_hours_to_ack"]


def test_no_acknowledgement_gives_no_median(w, send, api, login):
    send(recipients=[w.kh_police, w.th_police])
    assert _median(api, w) is None
    assert login(w.admin).get("/alerts/statistics/").context["stats"].acknowledged == 0


def test_odd_count_takes_the_middle_acknowledgement(w, send, api, acknowledge):
    first = send(recipients=[w.kh_police, w.th_police])
    second = send(recipients=[w.kh_police, w.th_police])
    acknowledge(first, w.kh_police, timedelta(hours=30))
    acknowledge(first, w.th_police, timedelta(minutes=90))
    acknowledge(second, w.kh_police, timedelta(hours=2, minutes=20))
    # The unacknowledged row (second alert, Thailand) does not enter the median.
    assert _median(api, w) == 2.3  # 2 h 20 min, between 1 h 30 min and 30 h


def test_even_count_averages_the_two_middle_acknowledgements(w, send, api, acknowledge, login):
    first = send(recipients=[w.kh_police, w.th_police])
    second = send(recipients=[w.kh_police, w.th_police])
    acknowledge(first, w.kh_police, timedelta(hours=1))
    acknowledge(first, w.th_police, timedelta(hours=3))
    acknowledge(second, w.kh_police, timedelta(hours=48))
    acknowledge(second, w.th_police, timedelta(minutes=12))
    assert _median(api, w) == 2.0
    stats = login(w.admin).get("/alerts/statistics/").context["stats"]
    assert (stats.acknowledged, stats.not_acknowledged) == (4, 0)
