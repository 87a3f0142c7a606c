"""Send the due 3- and 6-month outcome follow-up reminders. Safe to run as often as wanted."""

from django.core.management.base import BaseCommand

from protectnet.workshops.services.outcomes import reminders_send


class Command(BaseCommand):
    help = "Email the due follow-up reminders for workshop outcomes (each is sent once)."

    def handle(self, *args, **options):
        run = reminders_send()
        self.stdout.write(f"reminders sent: {run.sent}, skipped: {run.skipped}")
