from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "protectnet.alerts"
    label = "alerts"

    def ready(self):
        from . import checks  # noqa: F401  (registers the encryption-key check)
