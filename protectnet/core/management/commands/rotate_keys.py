from django.core.management.base import BaseCommand, CommandError

from protectnet.core import crypto
from protectnet.core.rotation import BATCH, rotate_all


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted value (registrations, authenticator seeds, alerts) with the "
        "newest key in FIELD_ENCRYPTION_KEYS. Put the new key first, keep the old ones after it, "
        "run this, then remove the old keys. Safe to run again: values already under the newest "
        "key are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=BATCH, help="rows per transaction")

    def handle(self, *args, batch=BATCH, **options):
        if not crypto.configured_keys():
            raise CommandError("Set FIELD_ENCRYPTION_KEYS (newest key first) before rotating.")
        counts = rotate_all(batch=max(1, batch))
        summary = "; ".join(
            f"{app}: " + ", ".join(f"{model} {n}" for model, n in models.items())
            for app, models in counts.items()
        )
        self.stdout.write(f"Re-encrypted with the newest key ({summary}).")
