"""Checks that cannot rot: every catalogue compiles cleanly and is complete, and every language
of the site has both catalogues (the Python and template texts, and the scripts' texts)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import to_locale

LOCALE = Path(settings.BASE_DIR) / "protectnet" / "locale"
DOMAINS = ("django", "djangojs")

MSGFMT = shutil.which("msgfmt") or "msgfmt"
needs_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="GNU gettext (Debian: gettext) is not installed"
)


def _catalogues() -> list[Path]:
    """Every catalogue of LOCALE_PATHS: the project's and the generated country names."""
    return sorted(
        po for path in settings.LOCALE_PATHS for po in Path(path).glob("*/LC_MESSAGES/*.po")
    )


def _statistics(po: Path) -> tuple[str, str]:
    """msgfmt --check: syntax, format strings, header; --statistics counts what is missing."""
    result = subprocess.run(  # noqa: S603 - our own files, no shell
        [MSGFMT, "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    return result.returncode, result.stderr


@needs_gettext
@pytest.mark.parametrize("po", _catalogues(), ids=lambda p: f"{p.parts[-4]}/{p.parts[-3]}/{p.name}")
def test_catalogue_compiles_and_is_complete(po):
    language = po.parts[-3]
    code, report = _statistics(po)
    assert code == 0, f"{language} {po.name}: msgfmt --check fails:\n{report}"
    missing = {
        kind: int(count) for count, kind in _counts(report) if kind in ("untranslated", "fuzzy")
    }
    assert not missing, (
        f"{language} ({po.name}): {', '.join(f'{n} {kind}' for kind, n in missing.items())}"
        " entries; translate them or remove the fuzzy mark"
    )


def _counts(report: str) -> list[tuple[str, str]]:
    return re.findall(r"(\d+) (untranslated|fuzzy) (?:message|translation)", report)


def test_every_language_has_both_catalogues():
    missing = [
        f"{code}/{domain}.po"
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
        for domain in DOMAINS
        if not (LOCALE / to_locale(code) / "LC_MESSAGES" / f"{domain}.po").is_file()
    ]
    assert missing == [], f"catalogues missing: {', '.join(missing)}"
