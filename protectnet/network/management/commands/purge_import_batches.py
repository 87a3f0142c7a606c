"""Delete import previews nobody committed: they hold copies of personal data (for a scheduler)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from protectnet.network.models import ImportBatch, ImportStatus


class Command(BaseCommand):
    help = "Delete uncommitted import previews older than --days (default 7)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args, days: int = 7, **options):
        cutoff = timezone.now() - timezone.timedelta(days=days)
        stale = ImportBatch.objects.filter(status=ImportStatus.PREVIEW, created_at__lt=cutoff)
        deleted, _ = stale.delete()
        self.stdout.write(f"Deleted {deleted} uncommitted import previews.")
