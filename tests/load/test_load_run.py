"""A small load run inside the suite: two gunicorn servers in production mode on the test
database (SQLite or PostgreSQL, whichever the suite runs on) and one Redis, clients spread over
both: registrations for the last seats, check-ins, library searches with audited AMBER reads,
and alert acknowledgements at once; then a lock-out on one server must hold on the other.
`python -m loadtest` (`make load`, `make load-curve`) is the full-size run."""

import pytest
from django.db import connection

from loadtest.run import LOCKOUT_LIMIT, Plan, check, fire, lockout_problems
from loadtest.server import database_url, servers
from loadtest.world import build
from protectnet.access.models import AuditEntry

pytestmark = [pytest.mark.load, pytest.mark.django_db(transaction=True)]

REDIS_URL = "redis://127.0.0.1:6379/14"  # its own database (the throttle test uses 15)

SMALL = Plan(
    invitations=40,
    seats=25,
    participants=20,
    staff=2,
    members=2,
    resources=100,
    agencies=2,
    alerts=5,
    registration_threads=6,
    # About 15 s on an idle machine; the margin is for a busy one, the run stops when done.
    max_seconds=120,
)


def test_two_servers_keep_seats_check_ins_acknowledgements_and_lock_outs(tmp_path, shared_cache):
    world = build(**{k: v for k, v in vars(SMALL).items() if k in BUILD}, tag="small")
    last_entry = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    connection.close()  # the servers' writers must not wait behind this process
    env = {"CACHE_URL": shared_cache, "LOGIN_IP_FAILURE_LIMIT": str(LOCKOUT_LIMIT)}
    url = database_url(connection.settings_dict)
    with servers(url, 2, workers=2, threads=3, work_dir=tmp_path, extra_env=env) as base_urls:
        result = fire(base_urls, world, SMALL)
        lockout = lockout_problems(base_urls, world)

    logs = "".join(p.read_text(errors="replace") for p in tmp_path.glob("*/gunicorn.log"))
    assert check(world, result, since_id=last_entry) == [], logs[-3000:]
    assert lockout == []
    assert result["servers"] == 2 and result["server_errors"] == 0
    assert result["registrations"] == {"registered": 25, "refused": 15, "other": 0}
    assert sum(result["checkins_sent"].values()) == 20 * len(world.days)
    assert result["acknowledged"] == 2 * 5 and result["amber_reads"] > 0
    statuses = {row["kind"]: row["statuses"] for row in result["rows"]}
    assert statuses["registration post"] == {302: 25, 422: 15}
    assert statuses["check-in"] == {200: 20 * len(world.days)}
    assert statuses["alert acknowledge"] == {302: 10}
    assert set(statuses["library search"]) == {200}
    assert set(statuses["library AMBER read"]) == {200}


BUILD = {"invitations", "seats", "participants", "staff", "members", "resources"} | {
    "agencies",
    "alerts",
}
