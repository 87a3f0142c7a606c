from django.apps import AppConfig


class ApiConfig(AppConfig):
    """Installed so that the provider registry finds the API's own rules.py (no models)."""

    name = "protectnet.api"
    label = "api"
