"""Send the 3- and 6-month follow-up questionnaires that are due. Safe to run daily or twice."""

from django.core.management.base import BaseCommand

from protectnet.training.services import followups_send


class Command(BaseCommand):
    help = "Create and email the training follow-ups due today (idempotent)."

    def handle(self, *args, **options):
        sent = followups_send()
        self.stdout.write(f"{sent} follow-up(s) sent.")
