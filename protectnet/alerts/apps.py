from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "protectnet.alerts"
    label = "alerts"
