from django.core.management.base import BaseCommand

from protectnet.library.staging import purge_expired


class Command(BaseCommand):
    help = "Delete files attached to library forms that were never saved (older than a day)."

    def handle(self, *args, **options):
        self.stdout.write(f"removed {purge_expired()} staged uploads")
