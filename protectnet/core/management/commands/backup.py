from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from protectnet.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database and var/media into a new 0700 folder (default var/backups/), with a"
        " manifest signed by BACKUP_SIGNING_KEY; encrypted when BACKUP_ENCRYPTION_KEY is set."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(settings.VAR_DIR / "backups"))

    def handle(self, *args, output, **options):
        try:
            target = backup_create(Path(output))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Backup written to {target}")
        if not settings.BACKUP_ENCRYPTION_KEYS:
            self.stdout.write("Not encrypted: set BACKUP_ENCRYPTION_KEY to encrypt backups.")
