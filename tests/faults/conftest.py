"""Fault tests: a process writing to the test database is killed (SIGKILL) mid-way, then the
database is checked for half-written state and the audit chain is verified.

The processes connect to the test database pytest-django created (a file for SQLite), so the
tests use committed data (`transactional_db`)."""

import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from loadtest.server import database_url

from .worker import PAUSED

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def db_url(transactional_db) -> str:
    return database_url(connection.settings_dict)


def subprocess_env(url: str) -> dict:
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="protectnet.settings")
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def run_until_paused(url: str, *args: str, timeout: float = 120) -> str:
    """Run the worker; SIGKILL it as soon as it reports it paused. Returns how it ended."""
    connection.close()  # keep no connection of this process open while the worker writes
    # stderr goes to a file, not a pipe nobody reads while waiting (a full pipe would block it).
    with tempfile.TemporaryFile(dir=settings.VAR_DIR) as errors:
        process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [sys.executable, "-m", "tests.faults.worker", *args],
            cwd=ROOT,
            env=subprocess_env(url),
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        lines: queue.Queue = queue.Queue()
        reader = threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True)
        reader.start()
        try:
            ended = _kill_when_paused(process, lines, timeout)
        finally:
            if process.poll() is None:
                process.kill()
            process.wait()
            reader.join(timeout=10)
            process.stdout.close()
        if ended == "finished" and process.returncode != 0:
            errors.seek(0)
            raise AssertionError(f"worker failed ({process.returncode}): {errors.read()!r}")
    return ended


def _read_lines(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)


def _kill_when_paused(process: subprocess.Popen, lines: queue.Queue, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            line = lines.get(timeout=0.1)
        except queue.Empty:
            if process.poll() is not None and lines.empty():
                return "finished"
            if time.monotonic() > deadline:
                raise AssertionError(f"worker neither paused nor ended in {timeout} s") from None
            continue
        if line.strip() == PAUSED:
            process.send_signal(signal.SIGKILL)
            return "killed"


def verify_audit(url: str) -> str:
    """`manage.py verify_audit` in its own process, as an operator would run it after a crash."""
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "verify_audit"],
        cwd=ROOT,
        env=subprocess_env(url),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def wait_for_file(path: Path, process: subprocess.Popen, timeout: float = 60) -> None:
    """Wait until a worker process writes `path`; fail if it ends first or takes too long."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if process.poll() is not None:
            raise AssertionError(f"worker ended early: {process.stderr.read()!r}")
        if time.monotonic() > deadline:
            raise AssertionError(f"{path.name} did not appear in {timeout} s")
        time.sleep(0.1)


def kill_session(session_id: int) -> None:
    """SIGKILL every process of a session (a process started with start_new_session=True leads
    one whose id is its own). RQ's work-horse moves to a process group of its own, so killing
    the worker's group would leave it running its task, holding the test database open, after
    the test has ended."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(fields[3]) == session_id:  # after ") state ppid pgrp", the session id
            try:
                os.kill(int(stat.parent.name), signal.SIGKILL)
            except ProcessLookupError:
                pass
