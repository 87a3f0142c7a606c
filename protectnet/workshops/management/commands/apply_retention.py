"""Apply every app's retention rules: calls `apply_retention()` in protectnet/<app>/retention.py
for each installed ProtectNet app that has one (found by `core.providers`). Idempotent; meant
for a daily scheduler."""

from django.core.management.base import BaseCommand

from protectnet.core.providers import app_label, providers


class Command(BaseCommand):
    help = "Delete data past its retention period, in every app that defines retention.py."

    def handle(self, *args, **options):
        for module in providers("retention"):
            result = module.apply_retention()
            self.stdout.write(f"{app_label(module)}: {result if result is not None else 'done'}")
