"""The dashboard's "Needs you now": each role sees counts of what waits for them, each linked
to the list where they act, only within their own country or agency; an empty state when
nothing is due; one chart of their area with its values in text; a second visit counts nothing."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from protectnet.alerts import services as alerts
from protectnet.workshops.models import Delegation, Invitation, Nomination
from tests import factories as f
from tests.alerts.conftest import alert_input
from tests.workshops.conftest import invite, make_workshop, register

pytestmark = pytest.mark.django_db

# The tables behind the new figures: none of them is read again on a second visit.
NEW_FIGURES = (
    "alerts_alert",
    "workshops_delegation",
    "workshops_nomination",
    "workshops_registration",
    "training_evaluation",
    "training_certificate",
    "library_accessrequest",
    "library_resource",
)


def _needs(client) -> dict[str, tuple[int, str]]:
    """label -> (count, link) of every need on the page."""
    body = client.get("/").content.decode()
    section = body.split('id="needs-heading"', 1)[1].split("</section>", 1)[0]
    found = re.findall(
        r'<a href="([^"]+)"><span class="need-count">(\d+)</span> '
        r'<span class="need-label">([^<]+)</span>',
        section,
    )
    return {label.replace("&#x27;", "'"): (int(n), url) for url, n, label in found}


@pytest.fixture
def delegations(world):
    workshop = make_workshop(world)
    kh = Delegation.objects.create(workshop=workshop, country=world.kh, quota=3)
    th = Delegation.objects.create(workshop=workshop, country=world.th, quota=2)
    return workshop, kh, th


def _nominate(delegation, count: int) -> None:
    for _ in range(count):
        Nomination.objects.create(
            delegation=delegation, person=f.PersonFactory(), status="nominated"
        )


def _send(world, recipients, **overrides):
    return alerts.alert_create(
        actor=world.uk_le, data=alert_input(recipients, **overrides), send=True
    )


def test_a_focal_point_sees_the_seats_their_country_can_still_nominate(world, login, delegations):
    workshop, kh, th = delegations
    kh.seats_held = 1  # one nomination holds a seat (the nominating service keeps this counter)
    kh.save(update_fields=["seats_held"])
    count, url = _needs(login(world.kh_focal))["Seats your country can still nominate"]
    assert (count, url) == (2, f"/workshops/{workshop.pk}/delegations/")
    assert _needs(login(world.th_focal))["Seats your country can still nominate"][0] == 2


def test_a_focal_point_never_sees_another_countrys_seats(world, login, delegations):
    _workshop, _kh, th = delegations
    th.quota = 0
    th.save(update_fields=["quota"])
    assert "Seats your country can still nominate" not in _needs(login(world.th_focal))
    assert _needs(login(world.kh_focal))["Seats your country can still nominate"][0] == 3


def test_an_admin_sees_nominations_to_decide_and_workshops_with_seats(world, login, delegations):
    workshop, kh, th = delegations
    _nominate(kh, 2)
    _nominate(th, 1)
    needs = _needs(login(world.admin))
    assert needs["Nominations to decide"] == (3, f"/workshops/{workshop.pk}/delegations/")
    assert needs["Workshops open with seats left"] == (1, f"/workshops/{workshop.pk}/")
    assert "Nominations to decide" not in _needs(login(world.kh_focal))


def test_a_vetted_officer_sees_alerts_awaiting_their_agency_and_overdue_ones(world, login):
    _send(world, [world.kh_police])
    earlier = timezone.now() - timedelta(days=3)
    alerts.alert_create(
        actor=world.uk_le,
        data=alert_input([world.kh_police], ack_deadline=earlier + timedelta(days=1)),
        send=True,
        now=earlier,
    )
    needs = _needs(login(world.kh_le))
    assert needs["Alerts awaiting your agency's acknowledgement"] == (2, "/alerts/?needs=ack")
    assert needs["Overdue alerts"] == (1, "/alerts/?overdue=1")
    # The sending agency sees its own overdue alert, but nothing to acknowledge.
    uk = _needs(login(world.uk_le))
    assert uk["Overdue alerts"][0] == 1
    assert "Alerts awaiting your agency's acknowledgement" not in uk


def test_alert_counts_stay_with_the_agencies_and_never_reach_members(world, login):
    _send(world, [world.kh_police])
    assert _needs(login(world.kh_le))["Alerts awaiting your agency's acknowledgement"][0] == 1
    for who in (world.th_le, world.kh_member, world.kh_le_unvetted, world.admin, world.kh_focal):
        needs = _needs(login(who))
        assert not [label for label in needs if "alert" in label.lower()], who


def test_nothing_due_shows_the_empty_state(world, login):
    body = login(world.kh_member).get("/").content.decode()
    assert "Needs you now" in body and "Nothing needs you now." in body


def test_an_acknowledged_alert_leaves_the_needs_on_the_next_visit(world, login):
    alert = _send(world, [world.kh_police])
    client = login(world.kh_le)
    assert _needs(client)["Alerts awaiting your agency's acknowledgement"][0] == 1
    alerts.alert_acknowledge(actor=world.kh_le, alert=alert)
    assert "Alerts awaiting your agency's acknowledgement" not in _needs(client)
    assert "Nothing needs you now." in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("who", "title"),
    [
        ("admin", "People trained per month"),
        ("kh_focal", "Your country&#x27;s workshop participants per quarter"),
        ("kh_le", "Your agency&#x27;s alerts per month"),
        ("trainer", "People you trained per month"),
        ("kh_member", "Library additions per month"),
    ],
)
def test_each_role_sees_one_chart_of_its_area_with_its_values_in_text(who, title, world, login):
    body = login(getattr(world, who)).get("/").content.decode()
    assert body.count("<svg") == 1
    assert f"<title>{title}</title><desc>" in body
    assert f'<caption class="visually-hidden">{title}</caption>' in body  # the values' table


def test_the_focal_points_chart_counts_their_own_country_only(world, login):
    today = timezone.localdate()
    workshop = make_workshop(world, edition=7, start_date=today, end_date=today)
    kh = Delegation.objects.create(workshop=workshop, country=world.kh, quota=3)
    th = Delegation.objects.create(workshop=workshop, country=world.th, quota=3)
    for delegation, org in ((kh, world.kh_ngo), (th, world.th_ministry), (th, world.th_police)):
        person = f.PersonFactory()
        f.MembershipFactory(person=person, organisation=org)
        invite(world, workshop, person, delegation)
        register(Invitation.objects.get(person=person))
    quarter = f"{today.year} Q{(today.month - 1) // 3 + 1}"
    for who, expected in ((world.kh_focal, 1), (world.th_focal, 2)):
        body = login(who).get("/").content.decode()
        desc = re.search(r"<desc>([^<]*)</desc>", body)[1]
        assert desc.endswith(f"{quarter} {expected}"), desc
        assert f'<th scope="row">{quarter}</th><td>{expected}</td>' in body


def _second_visit(client) -> list[str]:
    client.get("/")
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return [q["sql"] for q in ctx.captured_queries if any(t in q["sql"] for t in NEW_FIGURES)]


@pytest.mark.parametrize("who", ["admin", "kh_focal", "kh_le", "trainer", "kh_member", "guest"])
def test_a_second_visit_reads_none_of_the_tables_behind_the_needs_and_the_chart(
    who, world, login, delegations
):
    _nominate(delegations[1], 1)
    _send(world, [world.kh_police])
    assert _second_visit(login(getattr(world, who))) == []


def _count(client) -> int:
    cache.clear()  # the first visit of a version: every figure counted
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.queries("core:dashboard")
@pytest.mark.parametrize("who", ["admin", "kh_focal", "kh_le", "kh_member"])
def test_counting_the_needs_costs_the_same_with_more_rows(who, world, login, delegations):
    client = login(getattr(world, who))
    _nominate(delegations[1], 1)
    _send(world, [world.kh_police])
    small = _count(client)
    _nominate(delegations[1], 2)
    for _ in range(3):
        _send(world, [world.kh_police, world.th_police])
    assert _count(client) == small
