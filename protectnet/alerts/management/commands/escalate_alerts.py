from django.core.management.base import BaseCommand

from protectnet.alerts.escalation import escalate_overdue


class Command(BaseCommand):
    help = "Escalate partner alerts not acknowledged by their deadline (idempotent; run often)."

    def handle(self, *args, **options):
        count = escalate_overdue()
        self.stdout.write(
            f"Escalated {count} overdue recipient agenc{'y' if count == 1 else 'ies'}."
        )
