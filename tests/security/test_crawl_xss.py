"""Stored XSS: a payload written into every text field of the demo comes back escaped on every
page each role can reach, and no page reachable by following links fails."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import IntegrityError, models, transaction
from django.test import Client

from tests.conftest import sign_in

from .crawl import crawl

PAYLOAD = '<script>alert("pn-xss")</script><img src=x onerror=alert(1)>'
RAW_MARKERS = ('<script>alert("pn-xss")', "<img src=x onerror=alert(1)>")
DEMO_ROLES = [
    "admin@protectnet.test",
    "focal.kh@protectnet.test",
    "member.kh@protectnet.test",
    "le.kh@protectnet.test",
    "trainer@protectnet.test",
    "guest@protectnet.test",
]
# Fields that are identifiers or constrained values rather than free text.
SKIP_FIELDS = {"email", "password", "key_hash", "token_hash", "hash", "prev_hash", "hint", "code"}


def _text_fields(model):
    for f in model._meta.concrete_fields:
        if not isinstance(f, models.CharField | models.TextField) or f.choices or f.unique:
            continue
        if f.name in SKIP_FIELDS or isinstance(f, models.EmailField | models.URLField):
            continue
        if f.name.endswith(("_hash", "_token", "_ciphertext", "key", "code")):
            continue
        yield f


def inject_payload() -> int:
    """Write the payload into free-text fields of every ProtectNet model; returns fields touched."""
    touched = 0
    for model in apps.get_models():
        if (
            not model.__module__.startswith("protectnet.")
            or model._meta.label == "access.AuditEntry"
        ):
            continue
        for f in _text_fields(model):
            limit = f.max_length or 10_000
            value = PAYLOAD[:limit] if limit >= len(PAYLOAD) else None
            if value is None:
                continue
            _store(model, f.name, value, limit)
            touched += 1
    return touched


def _store(model, name: str, value: str, limit: int) -> None:
    """Every row at once; where a uniqueness constraint spans the field, row by row with the
    row's id in front, so that the payload still reaches every row."""
    manager = model._default_manager
    try:
        with transaction.atomic():
            manager.update(**{name: value})
    except IntegrityError:
        for pk in manager.values_list("pk", flat=True):
            manager.filter(pk=pk).update(**{name: f"{pk} {value}"[:limit]})


def demo_user(email):
    from protectnet.accounts.models import User

    return User.objects.filter(email=email).first()


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo", force=True)


@pytest.mark.slow
def test_no_reachable_page_fails_and_stored_payloads_come_back_escaped(demo):
    assert inject_payload() > 0
    for email in DEMO_ROLES:
        user = demo_user(email)
        assert user is not None, f"the demo has no account {email}"
        result = crawl(sign_in(Client(), user), max_pages=150)
        assert result.failures() == [], f"pages failing for {email}"
        leaks = [url for url, html in result.bodies.items() if any(m in html for m in RAW_MARKERS)]
        assert leaks == [], f"unescaped payload for {email}"
        assert len(result.visited) > 1
