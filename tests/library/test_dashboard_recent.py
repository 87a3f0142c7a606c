"""The library card's "added in the last 30 days" counts from the start of that day in the
site's time zone, as the calendar on the reader's wall would."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.utils import timezone

from protectnet.library.models import Marking, Resource

from .conftest import make_resource


@override_settings(TIME_ZONE="Asia/Bangkok")
@pytest.mark.parametrize(
    "offset,counted",
    [
        (timedelta(0), True),  # midnight in Bangkok, 30 days ago (17:00 UTC the day before)
        (timedelta(hours=12), True),
        (-timedelta(seconds=1), False),  # one second earlier: 31 days ago
    ],
)
def test_recent_resources_count_from_local_midnight_30_days_ago(world, login, offset, counted):
    bangkok = ZoneInfo("Asia/Bangkok")
    day = timezone.localdate(timezone=bangkok) - timedelta(days=30)
    edge = datetime.combine(day, time.min, tzinfo=bangkok) + offset
    make_resource(world.kh_ngo, Marking.GREEN, title="Fresh guide")
    old = make_resource(world.kh_ngo, Marking.GREEN, title="Guide at the edge")
    Resource.objects.filter(pk=old.pk).update(created_at=edge)
    body = login(world.kh_member).get("/").content.decode()
    assert f"{2 if counted else 1} added in the last 30 days" in body
