"""The admin-only audit page: filters, pagination, CSV export, constant queries."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from protectnet.access import audit
from protectnet.access.models import AuditEntry


def fill(world, n):
    for i in range(n):
        audit.record("test.event", actor=world.kh_member, data={"i": i})


def test_admin_sees_entries_newest_first(world, login):
    fill(world, 3)
    audit.record("auth.sign_in", actor=world.th_member)
    response = login(world.admin).get("/audit/")
    entries = list(response.context["entries"])
    assert entries[0].action == "auth.sign_in"
    assert [e.seq for e in entries] == sorted((e.seq for e in entries), reverse=True)


def test_filters_by_actor_action_type_and_date(world, login):
    fill(world, 2)
    audit.record("auth.sign_in", actor=world.th_member, obj=world.th_member)
    client = login(world.admin)
    by_actor = client.get("/audit/", {"actor": "member.th"}).context["entries"]
    assert {e.actor_label for e in by_actor} == {"member.th@example.test"}
    by_action = client.get("/audit/", {"action": "auth."}).context["entries"]
    assert {e.action for e in by_action} == {"auth.sign_in"}
    by_type = client.get("/audit/", {"object_type": "accounts.user"}).context["entries"]
    assert len(by_type) == 1
    tomorrow = (timezone.now() + timedelta(days=1)).date().isoformat()
    assert len(client.get("/audit/", {"date_from": tomorrow}).context["entries"]) == 0
    today = timezone.now().date().isoformat()
    assert len(client.get("/audit/", {"date_to": today}).context["entries"]) >= 3


def test_bad_filter_input_shows_an_error_and_does_not_crash(world, login):
    fill(world, 2)
    client = login(world.admin)
    response = client.get("/audit/", {"date_from": "not-a-date", "action": "test."})
    assert response.status_code == 200 and b"Enter a valid date" in response.content
    assert len(response.context["entries"]) == 2
    reversed_range = client.get("/audit/", {"date_from": "2030-01-02", "date_to": "2030-01-01"})
    assert b"before the start date" in reversed_range.content


def test_pages_hold_fifty_entries(world, login):
    fill(world, 60)
    client = login(world.admin)
    first = client.get("/audit/", {"action": "test."})
    assert len(first.context["entries"]) == 50 and b'rel="next"' in first.content
    assert b"action=test." in first.content
    second = client.get("/audit/", {"action": "test.", "page": 2})
    assert len(second.context["entries"]) == 10
    assert client.get("/audit/", {"page": "zzz"}).status_code == 200


def _count(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/audit/").status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.queries("access:audit_list")
def test_query_count_does_not_grow_with_entries(world, login):
    client = login(world.admin)
    fill(world, 2)
    client.get("/audit/")
    small = _count(client)
    fill(world, 40)
    assert _count(client) == small


@pytest.mark.queries("access:audit_list")
def test_actors_are_named_as_in_the_directory_at_constant_queries(world, login):
    client = login(world.admin)
    fill(world, 1)
    client.get("/audit/")
    one_actor = _count(client)
    for who in (world.th_member, world.kh_focal, world.uk_le, world.trainer):
        audit.record("test.event", actor=who)
    assert _count(client) == one_actor
    page = client.get("/audit/").content.decode()
    person = world.kh_member.person
    assert f"<td>{person.label}</td>" in page and "(" in person.label
    assert world.kh_member.email not in page


def test_an_actor_without_a_directory_entry_is_shown_by_email(world, login):
    from tests.factories import account

    robot = account("robot@example.test")
    audit.record("test.event", actor=robot)
    page = login(world.admin).get("/audit/").content.decode()
    assert "<td>robot@example.test</td>" in page


def test_csv_export_is_filtered_neutralised_and_audited(world, login):
    audit.record("test.event", actor=world.kh_member, object_repr='=HYPERLINK("x")')
    audit.record("other.event", actor=world.kh_member)
    response = login(world.admin).get("/audit/export.csv", {"action": "test."})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["seq", "time", "actor", "action"]
    assert [r[3] for r in rows[1:]] == ["test.event"]
    assert rows[1][6] == '\'=HYPERLINK("x")'
    exported = AuditEntry.objects.get(action="audit.exported")
    assert exported.actor == world.admin and exported.data == {"action": "test."}
