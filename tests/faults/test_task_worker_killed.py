"""A worker killed (SIGKILL) in the middle of a task loses nothing: the task stays in the
database, marked running; once its lease has passed the next worker runs it again."""

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from .conftest import ROOT, subprocess_env, wait_for_file
from .tasks import slow_mark

pytestmark = pytest.mark.faults


def _worker(url: str, *args: str, **env) -> subprocess.Popen:
    environment = subprocess_env(url) | {"TASKS_BACKEND": "database"} | env
    return subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "run_worker", "--interval", "0.2", *args],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_task_of_a_killed_worker_is_run_again_by_the_next(db_url, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    mark = tmp_path / "mark"
    result = slow_mark.enqueue(str(mark))
    connection.close()  # the workers write; keep no connection of this process open

    first = _worker(db_url)
    try:
        wait_for_file(Path(f"{mark}.started"), first)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
    row = DBTaskResult.objects.get(pk=result.id)
    # Claimed by a worker that no longer exists (its output says why, if not).
    assert row.status == "RUNNING", first.stderr.read()

    second = _worker(db_url, "--once", TASK_LEASE_SECONDS="0")
    _, errors = second.communicate(timeout=120)
    assert second.returncode == 0, errors
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL"
    assert row.return_value == "done on a later attempt"
    assert len(row.worker_ids) == 2
    assert Path(f"{mark}.done").read_text(encoding="utf-8") == "done"
