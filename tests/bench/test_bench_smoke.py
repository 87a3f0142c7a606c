"""`make bench` still runs end to end: the tiny scale, in its own SQLite file (about 30 s)."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tiny_run():
    done = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", "bench", "--scale", "tiny"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads((ROOT / "var" / "bench" / "tiny-sqlite.json").read_text())
    return done, results


def test_tiny_bench_measures_every_page_without_server_errors(tiny_run):
    done, results = tiny_run
    assert [f["name"] for f in results["pages"] if f["status"] >= 500] == []
    seen = {(f["name"], f["role"]): f["status"] for f in results["pages"]}
    assert seen[("workshops:registration_me", "member")] == 200
    assert seen[("api /workshops/{workshop_id}", "member")] == 200
    assert results["throughput"]["registrations"]["overbooked"] == 0
    # The bench seals its own heads file: the whole log verifies after every concurrent run.
    assert [run["problems"] for run in results["throughput"]["audited_actions"]] == [0, 0, 0]
    assert "workshops:report_pdf" in done.stdout


def test_workshop_training_and_alert_pages_open_built_objects_for_their_roles(tiny_run):
    _done, results = tiny_run
    seen = {(f["name"], f["role"]): f["status"] for f in results["pages"]}
    for key in [
        ("workshops:delegation_detail", "focal_point"),
        ("workshops:registration_detail", "focal_point"),
        ("training:delivery_detail", "trainer"),
        ("training:my_training", "member"),
        ("training:certificate_verify", "guest"),
        ("api /deliveries/{delivery_id}/results", "trainer"),
        ("alerts:alert_detail", "le_vetted"),
        ("api /alerts/{alert_id}", "le_vetted"),
    ]:
        assert seen[key] == 200, key
    # Outsiders never learn that an alert exists: an admin without vetting gets 404.
    assert seen[("alerts:alert_detail", "admin")] == 404
    assert results["built"]["workshops"]["registrations"] == 100
    assert results["built"]["training"]["certificates"] > 0
    assert results["built"]["alerts"]["alerts"] == 20
    # Every page with an object to open found one (no advisory panels are built).
    assert set(results["skipped"]) <= {"network:panel_detail"}


def test_built_rows_keep_the_seat_counters_and_capacities(tiny_run):
    db = sqlite3.connect(ROOT / "var" / "bench-tiny.sqlite3")
    with db:
        wrong_counters = db.execute(
            """select count(*) from workshops_delegation d where seats_registered != (
                 select count(*) from workshops_registration r
                 where r.delegation_id = d.id and r.status = 'registered')
               or seats_held != (
                 select count(*) from workshops_nomination n
                 where n.delegation_id = d.id and n.status in ('nominated', 'approved'))"""
        ).fetchone()[0]
        overfull = db.execute(
            """select count(*) from training_delivery d where capacity < (
                 select count(*) from training_enrolment e where e.delivery_id = d.id
                 and e.status in ('enrolled', 'completed', 'not_completed'))"""
        ).fetchone()[0]
    db.close()
    assert (wrong_counters, overfull) == (0, 0)


def test_figures_carry_the_machine_load_and_are_planned_with_statistics(tiny_run):
    done, results = tiny_run
    assert "statistics (ANALYZE)" in results["build_seconds"]
    assert results["cpus"] >= 1 and results["load_at_start"] >= 0
    assert all(f["load"] >= 0 for f in results["pages"])
    assert "CPUs, load" in done.stdout and " load" in done.stdout.split("page", 1)[1][:200]


@pytest.mark.skipif(
    not __import__("django.conf").conf.settings.DATABASE_IS_POSTGRES,
    reason="creating a database is a PostgreSQL concern; SQLite creates its file itself",
)
def test_the_bench_creates_its_postgresql_database_when_missing(db):
    from django.db import connection
    from psycopg import connect

    from bench.__main__ import create_postgres_database

    s = connection.settings_dict
    server = f"{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
    base = f"postgres://{server}"
    name = f"protectnet_bench_probe_{__import__('os').getpid()}"
    try:
        assert create_postgres_database(f"{base}/{name}") is True
        assert create_postgres_database(f"{base}/{name}") is False  # there now: left alone
    finally:
        with connect(
            f"postgresql://{s['USER']}@{s['HOST'] or '127.0.0.1'}/postgres", autocommit=True
        ) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}"')
