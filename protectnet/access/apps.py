from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "protectnet.access"
    label = "access"

    def ready(self):
        from . import checks  # noqa: F401  (registers the audit-key check)
