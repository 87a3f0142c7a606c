from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from protectnet.core.backup import backup_create


class Command(BaseCommand):
    help = "Back up the database and var/media into a new folder (default var/backups/)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(settings.VAR_DIR / "backups"))

    def handle(self, *args, output, **options):
        target = backup_create(Path(output))
        self.stdout.write(f"Backup written to {target}")
