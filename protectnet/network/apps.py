from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "protectnet.network"
    label = "network"
