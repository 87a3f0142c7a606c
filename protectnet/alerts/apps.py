from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "protectnet.alerts"
    label = "alerts"

    def ready(self):
        from protectnet.core import versions

        from . import checks  # noqa: F401  (registers the encryption-key check)
        from .models import Alert, AlertRecipient
        from .selectors.stats import VERSION

        # The statistics: a sent, acknowledged, answered or retracted alert counts again.
        versions.watch(VERSION, Alert, AlertRecipient)
