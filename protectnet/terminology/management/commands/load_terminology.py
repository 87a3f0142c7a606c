from django.core.management.base import BaseCommand
from django.db import transaction

from protectnet.terminology.data import load_terms
from protectnet.terminology.models import Term
from protectnet.terminology.services import invalidate


class Command(BaseCommand):
    help = "Load the shipped terminology list (idempotent: existing terms keep admin edits)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update", action="store_true", help="Reset existing terms to the shipped list."
        )

    def handle(self, *args, update: bool = False, **options):
        with transaction.atomic():
            created, updated = load_terms(Term, update=update)
        invalidate()
        self.stdout.write(f"terminology: {created} created, {updated} updated")
