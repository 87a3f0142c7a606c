"""Load the fictitious demo network. Idempotent: a second run changes nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from protectnet.demo import alerts, library, network, training, workshops

# Order matters: later parts reference the directory built by the first.
DEMO_PARTS = [network, workshops, training, library, alerts]


class Command(BaseCommand):
    help = "Load the demo data (fictitious people only) and optionally print the demo accounts."

    def add_arguments(self, parser):
        parser.add_argument("--print-accounts", action="store_true")
        parser.add_argument(
            "--force", action="store_true", help="Allow with DEBUG=0 (never in production)."
        )

    def handle(self, *args, print_accounts=False, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Demo data and its known passwords are for development only (DEBUG=1)."
            )
        for part in DEMO_PARTS:
            with transaction.atomic():
                part.load()
        if print_accounts:
            self.print_accounts()

    def print_accounts(self):
        self.stdout.write("\nDemo accounts (development only):")
        for line in network.describe_accounts():
            self.stdout.write(f"  {line}")
        self.stdout.write("")
