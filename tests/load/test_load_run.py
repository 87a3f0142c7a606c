"""A small load run inside the suite: gunicorn in production mode against the test database
(SQLite or PostgreSQL, whichever the suite runs on), registrations for the last seats,
check-ins and library searches at once. `python -m loadtest` is the full-size run."""

import pytest
from django.db import connection

from loadtest.run import Plan, check, fire
from loadtest.server import database_url, gunicorn
from loadtest.world import build

pytestmark = [pytest.mark.load, pytest.mark.django_db(transaction=True)]

SMALL = Plan(
    invitations=40,
    seats=25,
    participants=20,
    staff=2,
    members=2,
    resources=100,
    registration_threads=6,
    # About 10 s on an idle machine; the margin is for a busy one, the run stops when done.
    max_seconds=120,
)


def test_concurrent_load_keeps_seats_and_check_ins_and_answers_no_5xx(tmp_path):
    world = build(
        invitations=SMALL.invitations,
        seats=SMALL.seats,
        participants=SMALL.participants,
        staff=SMALL.staff,
        members=SMALL.members,
        resources=SMALL.resources,
        tag="small",
    )
    connection.close()  # the server's writers must not wait behind this process
    url = database_url(connection.settings_dict)
    with gunicorn(url, workers=2, threads=3, work_dir=tmp_path) as base_url:
        result = fire(base_url, world, SMALL)

    log = (tmp_path / "gunicorn.log").read_text(errors="replace")
    assert check(world, result) == [], log[-3000:]
    assert result["server_errors"] == 0
    assert result["registrations"] == {"registered": 25, "refused": 15, "other": 0}
    assert sum(result["checkins_sent"].values()) == 20 * len(world.days)
    statuses = {row["kind"]: row["statuses"] for row in result["rows"]}
    assert statuses["registration post"] == {302: 25, 422: 15}
    assert statuses["check-in"] == {200: 20 * len(world.days)}
    assert set(statuses["library search"]) == {200}
