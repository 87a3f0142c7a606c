"""System checks: say plainly when alert content is not protected by a real key."""

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
                "FIELD_ENCRYPTION_KEYS is not set: alert content is encrypted with a development "
                "key derived from SECRET_KEY.",
                hint="Set FIELD_ENCRYPTION_KEYS to a Fernet key before storing real alerts.",
                id="alerts.W001",
            )
        ]
    return [
        Warning(
            "FIELD_ENCRYPTION_KEYS is not set: partner alerts cannot be stored.",
            hint="Generate one with cryptography's Fernet.generate_key().",
            id="alerts.W002",
        )
    ]
