"""Email the feedback invitation to the participants who attended a finished workshop.
Each participant gets it once, however often the scheduler runs this."""

from django.core.management.base import BaseCommand

from protectnet.workshops.services.feedback import feedback_invitations_send


class Command(BaseCommand):
    help = "Invite every checked-in participant of a finished workshop to the feedback survey."

    def handle(self, *args, **options):
        run = feedback_invitations_send()
        self.stdout.write(f"feedback invitations sent: {run.sent}, skipped: {run.skipped}")
