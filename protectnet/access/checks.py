"""System checks: say plainly when the audit chain is not sealed with a key of its own."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def audit_key_configured(app_configs=None, **kwargs):
    if settings.AUDIT_HMAC_KEY_FROM_ENV:
        return []
    # Production (DEBUG=0) never gets here: settings refuse to load without the key.
    return [
        Warning(
            "AUDIT_HMAC_KEY is not set: the audit log is sealed with a development key derived "
            "from SECRET_KEY.",
            hint='Set AUDIT_HMAC_KEY to 32+ random bytes (python3 -c "import secrets; '
            'print(secrets.token_urlsafe(48))") and keep a copy outside the database.',
            id="access.W001",
        )
    ]
