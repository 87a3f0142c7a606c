"""System checks: say plainly when encrypted fields (alerts, registration details, authenticator
seeds) are not protected by a real key."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def encryption_key_configured(app_configs=None, **kwargs):
    from . import crypto

    if crypto.configured_keys():
        return []
    if settings.DEBUG:
        return [
            Warning(
                "FIELD_ENCRYPTION_KEYS is not set: alerts, registration details and authenticator "
                "seeds are encrypted with a development key derived from SECRET_KEY.",
                hint="Set FIELD_ENCRYPTION_KEYS to a Fernet key before storing real data "
                "(README: moving to real encryption keys).",
                id="alerts.W001",
            )
        ]
    return [
        Warning(
            "FIELD_ENCRYPTION_KEYS is not set: partner alerts, sensitive registration details and "
            "authenticators cannot be stored.",
            hint="Generate one with cryptography's Fernet.generate_key().",
            id="alerts.W002",
        )
    ]
