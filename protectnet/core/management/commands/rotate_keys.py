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
        parser.add_argument(
            "--print-development-key",
            action="store_true",
            help="print the key a development install derives from SECRET_KEY (to list it after "
            "a new key in FIELD_ENCRYPTION_KEYS while moving to real keys), and stop",
        )

    def handle(self, *args, batch=BATCH, print_development_key=False, **options):
        if print_development_key:
            self.stdout.write(crypto.development_key().decode())
            return
        if not crypto.configured_keys():
            raise CommandError("Set FIELD_ENCRYPTION_KEYS (newest key first) before rotating.")
        try:
            counts = rotate_all(batch=max(1, batch))
        except crypto.UndecryptableContent as exc:
            raise CommandError(str(exc)) from exc
        summary = "; ".join(
            f"{app}: " + ", ".join(f"{model} {n}" for model, n in models.items())
            for app, models in counts.items()
        )
        self.stdout.write(f"Re-encrypted with the newest key ({summary}).")
