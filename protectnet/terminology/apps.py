from django.apps import AppConfig


class TerminologyConfig(AppConfig):
    name = "protectnet.terminology"
    label = "terminology"
