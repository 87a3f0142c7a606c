"""Registrations killed mid-way: each one is complete (row, seat, audit entry) or absent.

First a worker process killed inside one registration's transaction, at each of its writes;
then gunicorn itself killed (every process, SIGKILL) in the middle of a burst of registrations
through the real form, restarted, and the burst finished."""

import threading

import pytest

from loadtest.client import Client, Stats
from loadtest.server import collect_static, kill_group, production_env, start_server, stop
from protectnet.access.models import AuditEntry
from protectnet.demo.bench import workshops as bench
from protectnet.workshops.models import Delegation, Registration

from .conftest import run_until_paused, verify_audit

pytestmark = pytest.mark.faults


def _assert_whole(delegation_id: int) -> int:
    """Every stored registration has its seat and its audit entry; returns how many."""
    delegation = Delegation.objects.get(pk=delegation_id)
    ids = set(
        Registration.objects.filter(delegation=delegation, status="registered").values_list(
            "pk", flat=True
        )
    )
    audited = set(
        AuditEntry.objects.filter(
            action="workshops.registration.create", object_type="workshops.registration"
        ).values_list("object_id", flat=True)
    )
    assert delegation.seats_registered == len(ids)
    assert {str(pk) for pk in ids} <= audited
    assert len(audited) == len(ids)
    return len(ids)


@pytest.mark.parametrize(
    "kill_after",
    [
        'update "workshops_delegation"',
        'insert into "workshops_registration"',
        'insert into "access_auditentry"',
    ],
)
def test_registration_killed_inside_its_transaction_leaves_no_trace(db_url, kill_after):
    _workshop, delegation, ids = bench._build(3, 2, "fault")
    # The second registration is killed; the first one stays, whole.
    args = ["register", *map(str, ids[:2]), "--pause-after", kill_after, "--nth", "2"]

    assert run_until_paused(db_url, *args) == "killed"

    assert _assert_whole(delegation.pk) == 1
    assert "Audit log intact: " in verify_audit(db_url)
    assert run_until_paused(db_url, "register", str(ids[1])) == "finished"
    assert _assert_whole(delegation.pk) == 2


class Server:
    """gunicorn on the test database, in its own process group: all of it is killed at once."""

    def __init__(self, url: str, work_dir):
        self.env = production_env(url, work_dir / "static")
        self.log_path = work_dir / "gunicorn.log"
        self.process = None

    def start(self) -> str:
        with open(self.log_path, "ab") as log:
            self.process, base_url = start_server(self.env, log, workers=2, threads=4)
        return base_url

    def kill(self) -> None:
        kill_group(self.process)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            stop(self.process)


def _register_all(base_url: str, tokens: list[str], results: list) -> None:
    stats = Stats()
    for token in tokens:
        client = Client(base_url, stats)
        path = f"/workshops/register/{token}/"
        try:
            csrf = client.form_token("form", path)
            status = client.post(
                "post", path, data={"csrfmiddlewaretoken": csrf, "consent_participant_list": "on"}
            ).status_code
        except Exception:  # noqa: BLE001 - the server was killed under it
            results.append("lost")
            continue
        results.append(status)


def _burst(base_url: str, tokens: list[str], results: list) -> list[threading.Thread]:
    """Six visitors at once, each registering a sixth of the invitees in turn."""
    threads = [
        threading.Thread(target=_register_all, args=(base_url, tokens[i::6], results))
        for i in range(6)
    ]
    for thread in threads:
        thread.start()
    return threads


def test_server_killed_during_a_registration_burst_keeps_every_registration_whole(db_url, tmp_path):
    workshop, delegation, _ids = bench._build(60, 40, "burst")
    tokens = [
        f"bench-burst-{pk}" for pk in workshop.invitations.values_list("person_id", flat=True)
    ]
    server = Server(db_url, tmp_path)
    collect_static(server.env)
    base_url = server.start()
    results: list = []
    threads = []
    try:
        threads = _burst(base_url, tokens, results)
        while sum(1 for r in results if r == 302) < 10 and any(t.is_alive() for t in threads):
            threading.Event().wait(0.01)
        server.kill()
    finally:
        for thread in threads:
            thread.join()
        server.stop()

    answered = sum(1 for r in results if r == 302)
    assert "lost" in results  # the kill did land in the middle of the burst
    stored = _assert_whole(delegation.pk)
    assert answered <= stored <= 40  # a request may be stored though its answer was lost
    assert "Audit log intact" in verify_audit(db_url)

    base_url = server.start()
    again: list = []
    try:
        for thread in _burst(base_url, tokens, again):
            thread.join()
    finally:
        server.stop()
    # Those stored before the kill save theirs again, the first others take the seats left and
    # the last 20 find the delegation full.
    assert sorted(again) == [302] * 40 + [422] * 20, again
    assert _assert_whole(delegation.pk) == 40
    assert "Audit log intact" in verify_audit(db_url)
