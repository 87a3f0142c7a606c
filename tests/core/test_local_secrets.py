"""`make run` keys: written once into var/local.env, read by settings only where the environment
says nothing, and never by a test run."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({k: str(getattr(s, k))"
    " for k in ('DEBUG', 'SECRET_KEY', 'FIELD_ENCRYPTION_KEYS', 'AUDIT_HMAC_KEY_FROM_ENV',"
    " 'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE',"
    " 'SECURE_HSTS_SECONDS') if hasattr(s, k)}))"
)


@pytest.fixture
def var_dir(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    settings.LOCAL_ENV_FILE = tmp_path / "local.env"
    return tmp_path


def read(path: Path) -> dict[str, str]:
    lines = path.read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def settings_seen(var_dir: Path, *, under_pytest: bool, **env_overrides) -> dict:
    """The settings a fresh process builds (manage.py, gunicorn) with this var/ folder."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_VERSION", "SECRET_KEY")}
    env.pop("FIELD_ENCRYPTION_KEYS", None)
    env.update(PROTECTNET_VAR_DIR=str(var_dir), DJANGO_SETTINGS_MODULE="protectnet.settings")
    if under_pytest:
        env["PYTEST_VERSION"] = "9"
    env.update(env_overrides)
    code = f"import django; django.setup(); {SHOW}"
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_the_keys_are_written_once_readable_by_the_owner_only(var_dir, db):
    call_command("init_local_secrets", stdout=open(os.devnull, "w"))
    path = var_dir / "local.env"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    keys = read(path)
    assert len(keys["SECRET_KEY"]) >= 50 and len(keys["AUDIT_HMAC_KEY"]) >= 32
    assert len(keys["BACKUP_SIGNING_KEY"]) >= 32
    Fernet(keys["FIELD_ENCRYPTION_KEYS"].split(",")[0])  # a valid key, or this raises
    assert len({keys["SECRET_KEY"], keys["AUDIT_HMAC_KEY"], keys["BACKUP_SIGNING_KEY"]}) == 3

    call_command("init_local_secrets", stdout=open(os.devnull, "w"))
    assert read(path) == keys  # a second run keeps the keys the data was written with


def test_an_existing_database_keeps_its_development_field_key(var_dir, db, settings):
    """Data a development install encrypted stays readable: its key stays, as the older one."""
    from protectnet.core import crypto

    settings.FIELD_ENCRYPTION_KEYS = []  # a development install: no key of its own
    call_command("init_local_secrets", stdout=open(os.devnull, "w"))
    field_keys = read(var_dir / "local.env")["FIELD_ENCRYPTION_KEYS"].split(",")
    assert field_keys[1:] == [crypto.development_key().decode()]


def test_a_fresh_machine_gets_no_development_key(var_dir, db, monkeypatch):
    from protectnet.core import crypto
    from protectnet.core.management.commands import init_local_secrets

    monkeypatch.setattr(init_local_secrets, "database_has_data", lambda: False)
    call_command("init_local_secrets", stdout=open(os.devnull, "w"))
    field_keys = read(var_dir / "local.env")["FIELD_ENCRYPTION_KEYS"].split(",")
    assert len(field_keys) == 1 and crypto.development_key().decode() not in field_keys


def test_settings_read_the_file_and_production_mode_starts_with_it(var_dir, db):
    call_command("init_local_secrets", stdout=open(os.devnull, "w"))
    keys = read(var_dir / "local.env")
    seen = settings_seen(var_dir, under_pytest=False, DEBUG="0", LOCAL_HTTP="1")
    assert seen["DEBUG"] == "False" and seen["SECRET_KEY"] == keys["SECRET_KEY"]
    assert seen["AUDIT_HMAC_KEY_FROM_ENV"] == "True"
    assert keys["FIELD_ENCRYPTION_KEYS"].split(",")[0] in seen["FIELD_ENCRYPTION_KEYS"]


def test_the_environment_wins_over_the_file(var_dir, db):
    call_command("init_local_secrets", stdout=open(os.devnull, "w"))
    seen = settings_seen(var_dir, under_pytest=False, SECRET_KEY="x" * 60)
    assert seen["SECRET_KEY"] == "x" * 60


def test_a_test_run_never_reads_the_file(var_dir, db):
    from protectnet.settings import DEV_SECRET_KEY

    call_command("init_local_secrets", stdout=open(os.devnull, "w"))
    seen = settings_seen(var_dir, under_pytest=True)
    assert seen["SECRET_KEY"] == DEV_SECRET_KEY and seen["FIELD_ENCRYPTION_KEYS"] == "[]"


def test_this_suite_did_not_read_a_local_file():
    from django.conf import settings

    from protectnet.settings import DEV_SECRET_KEY

    assert os.environ.get("PYTEST_VERSION")
    assert settings.SECRET_KEY == os.environ.get("SECRET_KEY", DEV_SECRET_KEY)


def test_local_http_keeps_production_mode_usable_on_plain_http(tmp_path):
    production = {"DEBUG": "0", "SECRET_KEY": "y" * 60, "AUDIT_HMAC_KEY": "z" * 48}
    local = settings_seen(tmp_path, under_pytest=True, LOCAL_HTTP="1", **production)
    assert local["SECURE_SSL_REDIRECT"] == "False" and local["SECURE_HSTS_SECONDS"] == "0"
    assert local["SESSION_COOKIE_SECURE"] == "False" and local["CSRF_COOKIE_SECURE"] == "False"
    behind_tls = settings_seen(tmp_path, under_pytest=True, **production)
    assert behind_tls["SECURE_SSL_REDIRECT"] == "True"
    assert behind_tls["SESSION_COOKIE_SECURE"] == "True" == behind_tls["CSRF_COOKIE_SECURE"]
