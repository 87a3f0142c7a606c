"""Apply every app's retention rules: calls `apply_retention()` in protectnet/<app>/retention.py
for each installed ProtectNet app that has one. Idempotent; meant for a daily scheduler."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand


def retention_modules():
    for config in apps.get_app_configs():
        if not config.name.startswith("protectnet."):
            continue
        try:
            module = import_module(f"{config.name}.retention")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.retention":
                raise
            continue
        if callable(getattr(module, "apply_retention", None)):
            yield config.label, module


class Command(BaseCommand):
    help = "Delete data past its retention period, in every app that defines retention.py."

    def handle(self, *args, **options):
        for label, module in retention_modules():
            result = module.apply_retention()
            self.stdout.write(f"{label}: {result if result is not None else 'done'}")
