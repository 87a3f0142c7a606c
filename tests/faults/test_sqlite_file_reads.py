"""A test that reads the SQLite file directly (the encryption-at-rest and backup tests do) must not
blind its own process to what other processes write afterwards: CI once read a killed worker's
claimed task back as READY, and later tests failed with "disk I/O error"."""

import sqlite3
import subprocess
import sys

import pytest
from django.contrib.auth.models import Group
from django.db import connection

from tests.core.backup_support import sqlite_file_bytes

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]

WRITE = """
import os, signal, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("INSERT INTO auth_group (name) VALUES (?)", (sys.argv[2],))
if sys.argv[3] == "killed":
    os.kill(os.getpid(), signal.SIGKILL)
db.close()
"""


def _write_group(name: str, end: str) -> None:
    path = connection.settings_dict["NAME"]
    subprocess.run([sys.executable, "-c", WRITE, path, name, end], check=False, timeout=60)  # noqa: S603


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's file locks only")
def test_after_reading_the_file_this_process_still_sees_a_killed_writers_rows():
    Group.objects.create(name="before the copy")
    # A connection another thread keeps open, as the browser tests' live server leaves some.
    other_thread = sqlite3.connect(connection.settings_dict["NAME"], check_same_thread=False)
    other_thread.execute("SELECT count(*) FROM auth_group").fetchone()
    try:
        assert b"before the copy" in sqlite_file_bytes()
        assert Group.objects.count() == 1

        _write_group("closed normally", "closed")  # its close once deleted -wal and -shm...
        _write_group("written then killed", "killed")  # ...so this went where we no longer read

        assert set(Group.objects.values_list("name", flat=True)) == {
            "before the copy",
            "closed normally",
            "written then killed",
        }
    finally:
        other_thread.close()
