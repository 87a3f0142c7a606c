"""The recipient's language is looked up in the unique index of addresses, never by reading every
directory entry: each email the worker sends asks it (thousands in one run of course follow-ups;
at 20,000 people a lookup read them all, 81 ms instead of 0.7). Checked with EXPLAIN."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protectnet.core.languages import recipient_languages
from protectnet.network.models import Person


def _plans(captured) -> str:
    plans = []
    with connection.cursor() as cursor:
        for query in captured:
            if "network_person" not in query["sql"]:
                continue
            if connection.vendor == "sqlite":
                cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
                plans += [str(row[-1]) for row in cursor.fetchall()]
            else:
                cursor.execute("SET LOCAL enable_seqscan = off")  # a small table: ask for the index
                cursor.execute("EXPLAIN " + query["sql"])
                plans += [row[0] for row in cursor.fetchall()]
    return "\n".join(plans)


@pytest.fixture
def many_people(db):
    Person.objects.bulk_create(
        Person(full_name=f"Entry {i}", name_key=f"entry {i}", email=f"entry{i}@example.test")
        for i in range(300)
    )
    Person.objects.bulk_create(
        Person(full_name=f"No address {i}", name_key=f"no address {i}") for i in range(50)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def test_a_recipients_language_is_read_from_the_address_index(many_people):
    Person.objects.filter(email="entry7@example.test").update(language="km")
    with CaptureQueriesContext(connection) as captured:
        found = recipient_languages(["Entry7@example.test", "nobody@example.test"])
    assert found == {"Entry7@example.test": "km", "nobody@example.test": "en"}
    plan = _plans(captured)
    assert "network_person_email_ci_unique" in plan, plan
    assert "SCAN network_person" not in plan.splitlines(), plan
    assert "Seq Scan on network_person" not in plan, plan


def test_the_audit_log_names_its_actors_from_the_account_index(many_people):
    """The audit page names each entry's actor: the entries' accounts are found by their key,
    not by walking the name index in order (the directory's default ordering made SQLite do
    that: 203 ms a page at 200,000 people)."""
    from protectnet.accounts.directory import account_labels
    from protectnet.accounts.models import User

    users = [User.objects.create_user(email=f"actor{i}@example.test") for i in range(3)]
    for i, user in enumerate(users):
        Person.objects.filter(email=f"entry{i}@example.test").update(user=user)
    with CaptureQueriesContext(connection) as captured:
        labels = account_labels({u.pk for u in users})
    assert sorted(labels.values()) == ["Entry 0", "Entry 1", "Entry 2"]
    plan = _plans(captured)
    # (A table this small may be read whole on SQLite; what grew was the walk in name order.)
    assert "network_person_name_idx" not in plan, plan
    assert "Seq Scan on network_person" not in plan, plan
