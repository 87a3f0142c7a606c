"""The RQ task backend (TASKS_BACKEND=rq): tasks queued in Redis are run by `run_worker`, and a
worker killed (SIGKILL, with its work-horse) in the middle of a task loses nothing: once the
task's timeout has passed without a heartbeat, the next worker runs it again."""

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks import task_backends

from protectnet.core import background

from .conftest import ROOT, kill_session, subprocess_env, wait_for_file
from .tasks import slow_mark, write_mark

pytestmark = [
    pytest.mark.faults,
    # RQ is the scale configuration's queue, beside PostgreSQL (README, "Scaling out"). On the
    # embedded SQLite database a killed work-horse left that xdist worker's test database
    # unreadable ("disk I/O error") for every later test, which the session-wide kill did not
    # cure; the database backend's own worker-kill test covers SQLite.
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
        reason="RQ runs beside PostgreSQL; SQLite uses the database task backend",
    ),
]

RQ = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
# Redis database 0: no cache of the suite uses it (tests/conftest.py gives each xdist worker one
# of 1 to 14, and 15 to the two-server test).
REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def rq(settings, monkeypatch):
    import django_rq
    import redis

    queues = {"default": {**settings.RQ_QUEUES["default"], "URL": REDIS_URL}}
    settings.RQ_QUEUES = queues
    monkeypatch.setattr(django_rq.settings, "QUEUES", queues)  # read once, at import
    connection_ = django_rq.get_connection("default")
    try:
        connection_.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server (CI starts one)")
    connection_.flushdb()
    settings.TASKS = RQ
    yield connection_
    connection_.flushdb()


def _worker(url: str, *args: str) -> subprocess.Popen:
    environment = subprocess_env(url) | {"TASKS_BACKEND": "rq", "TASKS_REDIS_URL": REDIS_URL}
    return subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "run_worker", "--interval", "0.2", *args],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the work-horse dies with it
    )


def test_a_task_queued_in_redis_is_run_by_the_worker(db_url, rq, tmp_path):
    mark = tmp_path / "mark"
    result = write_mark.enqueue(str(mark))
    assert rq.llen("rq:queue:default") == 1
    connection.close()
    worker = _worker(db_url, "--once")
    _, errors = worker.communicate(timeout=120)
    assert worker.returncode == 0, errors
    assert mark.read_text(encoding="utf-8") == "written"
    done = task_backends["default"].get_result(result.id)
    assert done.status == "SUCCESSFUL" and done.return_value == "written"


def test_a_task_of_a_killed_rq_worker_is_run_again_by_the_next(db_url, rq, tmp_path):
    mark = tmp_path / "mark"
    result = slow_mark.enqueue(str(mark))
    connection.close()
    first = _worker(db_url)
    try:
        wait_for_file(Path(f"{mark}.started"), first)
        kill_session(first.pid)  # the worker and its work-horse, which has a group of its own
        first.wait(timeout=30)
    finally:
        kill_session(first.pid)
    assert task_backends["default"].get_result(result.id).status == "RUNNING"
    # Nothing is put back while the task may still be running somewhere...
    assert background.requeue_lost() == 0
    # ...but once its timeout has passed with no heartbeat, it goes back in the queue.
    assert background.requeue_lost(now=timezone.now() + timedelta(hours=1)) == 1
    second = _worker(db_url, "--once")
    _, errors = second.communicate(timeout=120)
    assert second.returncode == 0, errors
    assert Path(f"{mark}.done").read_text(encoding="utf-8") == "done"
    done = task_backends["default"].get_result(result.id)
    assert done.status == "SUCCESSFUL" and len(done.worker_ids) == 2
