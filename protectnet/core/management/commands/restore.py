from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from protectnet.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore the database and var/media from a backup folder. Stop the site first."

    def add_arguments(self, parser):
        parser.add_argument("source")
        parser.add_argument("--yes", action="store_true", help="Confirm replacing current data.")

    def handle(self, *args, source, yes=False, **options):
        if not yes:
            raise CommandError("Restoring replaces all current data; repeat with --yes to confirm.")
        try:
            manifest = backup_restore(Path(source))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored the backup made at {manifest['created_at']}.")
