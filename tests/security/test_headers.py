"""Security headers on every response; HSTS and secure cookies in production settings."""

from django.test import Client, override_settings


def _csp(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    parts = [p.strip().split(" ", 1) for p in policy.split(";") if p.strip()]
    return {p[0]: (p[1] if len(p) > 1 else "") for p in parts}


def test_pages_carry_a_strict_content_security_policy(db):
    response = Client().get("/accounts/login/")
    csp = _csp(response)
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert "http" not in csp["default-src"]  # no third-party origins: no CDN


def test_pages_forbid_framing_sniffing_and_leaky_referrers(db):
    response = Client().get("/accounts/login/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_pages_have_no_inline_scripts_or_handlers(db):
    body = Client().get("/accounts/login/").content.decode()
    assert "<script>" not in body
    assert " onclick=" not in body and " onload=" not in body
    assert 'style="' not in body


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_is_sent_over_https_in_production(db):
    response = Client().get("/healthz", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
