from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "protectnet.access"
    label = "access"
