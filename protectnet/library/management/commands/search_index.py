from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from protectnet.library.search import postgres_index


class Command(BaseCommand):
    help = (
        "PostgreSQL: say which index serves library search (RUM or GIN), or switch. --rum after "
        "installing the rum package (Debian: postgresql-<major>-rum) on a site migrated without "
        "it; --gin to go back."
    )

    def add_arguments(self, parser):
        switch = parser.add_mutually_exclusive_group()
        switch.add_argument("--rum", action="store_true", help="use RUM (creates the extension)")
        switch.add_argument("--gin", action="store_true", help="use GIN and drop the RUM index")

    def handle(self, *args, rum=False, gin=False, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Only PostgreSQL has a choice of index; SQLite uses FTS5.")
        with transaction.atomic():
            if rum and not postgres_index.switch_to_rum(connection):
                raise CommandError(
                    "The rum extension is not available or may not be created by this user: "
                    "install postgresql-<major>-rum, run CREATE EXTENSION rum as a superuser, "
                    "then run this again. Search keeps using GIN."
                )
            if gin:
                postgres_index.switch_to_gin(connection)
        postgres_index.forget(connection)
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [postgres_index.RUM_INDEX])
            has_rum = cursor.fetchone()[0]
        self.stdout.write(f"library search index: {'RUM' if has_rum else 'GIN'}")
