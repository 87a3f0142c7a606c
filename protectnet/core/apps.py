from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "protectnet.core"
    label = "core"
