from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "protectnet.demo"
    label = "demo"
