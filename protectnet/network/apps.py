from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "protectnet.network"
    label = "network"

    def ready(self) -> None:
        # The directory's cached figures (country counts, dashboard cards): whatever the write
        # path (service, admin, erasure), a change to these makes the next read count again.
        from protectnet.core import versions

        from .models import Country, FocalPoint, Membership, Organisation, Person, Vetting
        from .selectors import VERSION

        versions.watch(VERSION, Country, Organisation, Membership, Person, Vetting, FocalPoint)
