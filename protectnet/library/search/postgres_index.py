"""Which index serves library search on PostgreSQL: RUM when the `rum` extension can be had,
GIN otherwise.

RUM keeps each word's positions and weights in the index, so a phrase, a title-only match and
ranking (`vector <=> query`, best first) are answered without opening the chunks' toasted
vectors; GIN must re-read every candidate's vector for those. Only one of the two is kept: RUM
serves `@@` as well, and a second index would cost every upload (an insert of 500 chunks took
440 ms with both, 290 ms with RUM alone, 155 ms with GIN alone). Migration `library 0009`
switches to RUM where it can; `manage.py search_index --rum` does it later, once a superuser
has installed the package (Debian: `postgresql-<major>-rum`).

No model is imported here: migrations use this module.
"""

from django.conf import settings
from django.db import DatabaseError, transaction

CHUNKS = "library_searchchunk"
RUM_INDEX = "library_searchchunk_vector_rum"
GIN_INDEX = "library_searchchunk_vector_gin"
# fastupdate off: new chunks go straight into the index, not into a pending list that every
# query must scan (and that makes the planner prefer reading every chunk) until a vacuum.
CREATE_GIN = (
    f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON {CHUNKS} USING gin (vector) WITH (fastupdate = off)"
)
CREATE_RUM = (
    f"CREATE INDEX IF NOT EXISTS {RUM_INDEX} ON {CHUNKS} USING rum (vector rum_tsvector_ops)"
)


def rum_in_use(connection) -> bool:
    """The RUM index exists and the settings allow it; asked once per database connection."""
    if getattr(settings, "SEARCH_POSTGRES_INDEX", "auto") == "gin":
        return False
    connection.ensure_connection()
    known = getattr(connection, "_library_rum", None)
    if known is None or known[0] is not connection.connection:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [RUM_INDEX])
            known = (connection.connection, cursor.fetchone()[0])
        connection._library_rum = known
    return known[1]


def forget(connection) -> None:
    """Ask again at the next search (after the index was switched)."""
    connection._library_rum = None


def switch_to_rum(connection) -> bool:
    """Create the extension and the RUM index and drop GIN; False, GIN kept, when rum cannot be
    had: not installed on the server, or no privilege to create the extension (a superuser can
    run `CREATE EXTENSION rum` in this database, then `manage.py search_index --rum`)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if cursor.fetchone() is None:
            return False
    try:
        # A savepoint: a refused CREATE EXTENSION must not abort the migration's transaction.
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
    except DatabaseError:
        return False
    with connection.cursor() as cursor:
        cursor.execute(CREATE_RUM)
        cursor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
    forget(connection)
    return True


def switch_to_gin(connection) -> None:
    """Back to GIN; the extension stays (other databases of the server may use it)."""
    with connection.cursor() as cursor:
        cursor.execute(CREATE_GIN)
        cursor.execute(f"DROP INDEX IF EXISTS {RUM_INDEX}")
    forget(connection)
