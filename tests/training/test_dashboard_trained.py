"""The "People trained this year" card: distinct people who completed a delivery starting this
year, among the enrolments the viewer may see."""

import re
from datetime import date

import pytest
from django.utils import timezone

from protectnet.training.models import Enrolment
from tests import factories as f

from .conftest import dated_delivery, make_course

pytestmark = pytest.mark.django_db


def _trained(client) -> int:
    body = client.get("/").content.decode()
    match = re.search(r"People trained this year</a></h2>\s*<p class=.card-value.>(\d+)<", body)
    assert match, "no card"
    return int(match.group(1))


def test_card_counts_each_person_once_and_only_this_year(world, login):
    course = make_course(world)
    year = timezone.localdate().year
    january = dated_delivery(world, course, date(year, 1, 1), days=1)
    january_again = dated_delivery(world, course, date(year, 1, 20), days=1)
    last_december = dated_delivery(world, course, date(year - 1, 12, 31), days=1)
    twice, once, unfinished, earlier = (f.PersonFactory() for _ in range(4))
    thai = f.PersonFactory()
    for delivery, person, org, status in [
        (january, twice, world.kh_police, "completed"),
        (january_again, twice, world.kh_police, "completed"),
        (january, once, world.kh_ngo, "completed"),
        (january, unfinished, world.kh_police, "not_completed"),
        (last_december, earlier, world.kh_police, "completed"),
        (january_again, thai, world.th_police, "completed"),
    ]:
        Enrolment.objects.create(delivery=delivery, person=person, organisation=org, status=status)
    assert _trained(login(world.admin)) == 3
    # A focal point counts the trainees of their own country's agencies.
    assert _trained(login(world.kh_focal)) == 2
