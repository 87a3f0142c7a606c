from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "protectnet.workshops"
    label = "workshops"

    def ready(self):
        from protectnet.core import versions

        from .dashboard import VERSION, WATCHED

        # The dashboard's needs and chart are counted once per version of these models.
        versions.watch(VERSION, *WATCHED)
