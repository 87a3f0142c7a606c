"""Delete import previews nobody committed: they hold copies of personal data (the worker runs
this hourly; the command is for a cron-only deployment)."""

from django.core.management.base import BaseCommand

from protectnet.network.importer import purge_stale_previews


class Command(BaseCommand):
    help = "Delete uncommitted import previews older than --days (default 7)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args, days: int = 7, **options):
        deleted = purge_stale_previews(days=days)
        self.stdout.write(f"Deleted {deleted} uncommitted import previews.")
