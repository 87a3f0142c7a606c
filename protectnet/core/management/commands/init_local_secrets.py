"""Write this machine's keys into var/local.env once: what production mode needs to start.

`make run` and `make dev` call it before anything touches the database, so data is encrypted
and the audit log sealed with keys of this machine's own, never the development ones written in
the code. An existing file is never rewritten: the data already written depends on its keys.
Settings read the file only for variables the environment leaves unset (settings.py).
"""

import os
import secrets

from cryptography.fernet import Fernet
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from protectnet.core import crypto

HEADER = (
    "# ProtectNet keys for this machine, written once by `manage.py init_local_secrets`.\n"
    "# Never commit or share this file. A variable set in the environment wins over its line.\n"
)


def database_has_data() -> bool:
    return "django_migrations" in connection.introspection.table_names()


def field_keys() -> str:
    keys = [Fernet.generate_key().decode()]
    if database_has_data() and not crypto.configured_keys():
        # A database filled before this file existed was encrypted with the development key:
        # it stays, as the older key, so that data remains readable (`rotate_keys` moves it).
        keys.append(crypto.development_key().decode())
    return ",".join(keys)


def generated() -> dict[str, str]:
    return {
        "SECRET_KEY": secrets.token_hex(32),
        "AUDIT_HMAC_KEY": secrets.token_hex(32),
        "FIELD_ENCRYPTION_KEYS": field_keys(),
        "BACKUP_SIGNING_KEY": secrets.token_hex(32),
    }


def write_once(path, values: dict[str, str]) -> bool:
    """Create the file readable by its owner only; False when it exists already."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w") as out:
        out.write(HEADER + "".join(f"{k}={v}\n" for k, v in values.items()))
    return True


class Command(BaseCommand):
    help = "Generate this machine's secret and encryption keys into var/local.env (once)."

    def handle(self, *args, **options):
        path = settings.LOCAL_ENV_FILE
        if not write_once(path, generated()):
            self.stdout.write(f"Keys kept: {path.name} exists already.")
            return
        self.stdout.write(f"Keys for this machine written to {path.name} (keep it private).")
        if database_has_data():
            self.stdout.write(
                "The existing database was sealed with development keys: its audit log and "
                "certificate codes verify only under those. Start afresh with a new database "
                "to have every record under this machine's keys."
            )
