from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "protectnet.reports"
    label = "reports"
