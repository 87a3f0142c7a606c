from django.core.management.base import BaseCommand

from protectnet.library.extraction import extract_pending


class Command(BaseCommand):
    help = "Extract the text of library files still waiting (safe to run from a scheduler)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None)

    def handle(self, *args, limit=None, **options):
        counts = extract_pending(limit=limit)
        self.stdout.write(f"extracted {counts['done']}, could not read {counts['failed']}")
