from django.core.management.base import BaseCommand, CommandError

from protectnet.alerts import crypto
from protectnet.alerts.rotation import rotate_all


class Command(BaseCommand):
    help = (
        "Re-encrypt all alert content with the newest key in FIELD_ENCRYPTION_KEYS. Put the new "
        "key first, keep the old ones after it, run this, then remove the old keys."
    )

    def handle(self, *args, **options):
        if not crypto.configured_keys():
            raise CommandError("Set FIELD_ENCRYPTION_KEYS (newest key first) before rotating.")
        counts = rotate_all()
        summary = ", ".join(f"{name}: {n}" for name, n in counts.items())
        self.stdout.write(f"Re-encrypted with the newest key ({summary}).")
