"""PostgreSQL: the search index moves to RUM where the rum extension can be created, stays on
GIN where it cannot (not installed, or a user who may not create it), and moves back."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from protectnet.library.search import postgres_index

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite uses FTS5"),
    pytest.mark.django_db,
]


def _indexes() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s", [postgres_index.CHUNKS]
        )
        return {row[0] for row in cursor.fetchall()} & {
            postgres_index.RUM_INDEX,
            postgres_index.GIN_INDEX,
        }


@pytest.fixture(autouse=True)
def _forget_after():
    yield
    postgres_index.forget(connection)  # the test's changes are rolled back


@pytest.fixture
def rum_installable():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if cursor.fetchone() is None:
            pytest.skip("the rum package is not installed on this PostgreSQL")


def test_the_command_switches_between_gin_and_rum(rum_installable, capsys):
    call_command("search_index", "--gin")
    assert _indexes() == {postgres_index.GIN_INDEX}
    assert not postgres_index.rum_in_use(connection)
    call_command("search_index", "--rum")
    assert _indexes() == {postgres_index.RUM_INDEX}
    assert postgres_index.rum_in_use(connection)
    assert capsys.readouterr().out.splitlines()[-1] == "library search index: RUM"


def test_a_user_who_may_not_create_the_extension_keeps_gin(rum_installable):
    with connection.cursor() as cursor:
        cursor.execute("DROP EXTENSION rum CASCADE")
        cursor.execute(postgres_index.CREATE_GIN)
        cursor.execute("CREATE ROLE protectnet_no_superuser NOLOGIN")
        cursor.execute("SET LOCAL ROLE protectnet_no_superuser")
    postgres_index.forget(connection)  # as a new connection would, after the DROP
    try:
        assert postgres_index.switch_to_rum(connection) is False
        with pytest.raises(CommandError, match="rum extension"):
            call_command("search_index", "--rum")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")  # the transaction is still usable
    assert _indexes() == {postgres_index.GIN_INDEX}
    assert not postgres_index.rum_in_use(connection)
