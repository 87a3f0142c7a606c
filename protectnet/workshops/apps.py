from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "protectnet.workshops"
    label = "workshops"
