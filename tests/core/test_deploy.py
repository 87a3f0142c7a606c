"""Production settings: `check --deploy` is clean, and the development secret key is refused."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path, **overrides) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="protectnet.example.org",
        CSRF_TRUSTED_ORIGINS="https://protectnet.example.org",
        SITE_URL="https://protectnet.example.org",
        FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        AUDIT_HMAC_KEY=secrets.token_urlsafe(48),
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        PROTECTNET_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="protectnet.settings",
    )
    env.update(overrides)
    return env


def manage(env, *args):
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    assert "WARNING" not in result.stderr


def test_production_refuses_the_development_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = manage(env, "check")
    assert result.returncode != 0
    assert "production refuses the development secret key" in result.stderr


def test_demo_loader_refuses_to_run_in_production(tmp_path):
    result = manage(production_env(tmp_path), "load_demo")
    assert result.returncode != 0 and "development only" in result.stderr
