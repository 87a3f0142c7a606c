from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class NetworkConfig(AppConfig):
    name = "protectnet.network"
    label = "network"

    def ready(self) -> None:
        # Cached per-country figures: whatever the write path (service, admin, erasure), a
        # changed organisation, membership or person makes the next read count again.
        from . import selectors
        from .models import Membership, Organisation, Person

        for model in (Organisation, Membership, Person):
            for signal in (post_save, post_delete):
                signal.connect(
                    selectors.forget_country_counts,
                    sender=model,
                    dispatch_uid=f"country-counts-{model.__name__}-{signal}",
                )
