"""Seal committed audit entries that no commit has sealed yet (run it on a schedule)."""

from django.core.management.base import BaseCommand

from protectnet.access.audit import seal, sealed_head


class Command(BaseCommand):
    help = "Seal pending audit entries into the keyed chain and append the head to the file."

    def handle(self, *args, **options):
        count = seal()
        seq, digest = sealed_head()
        noun = "entry" if count == 1 else "entries"
        self.stdout.write(f"Sealed {count} {noun}; head {seq}:{digest}")
