"""A text marked for translation in the source but never extracted into the catalogues shows in
English in every language, and test_catalogues.py cannot see it: it only reads the catalogues.
Extract the source again, as makemessages does, into a temporary directory, and compare."""

import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "protectnet" / "locale"
# The directories the catalogues' makemessages leaves out, and the committed catalogues
# themselves: makemessages would otherwise send every text of protectnet/ there.
IGNORE = [".venv", "tests", "bench", "loadtest", "var", "staticfiles", "protectnet/locale"]
DOMAINS = {"django": IGNORE, "djangojs": [*IGNORE, "*vendor*"]}

needs_gettext = pytest.mark.skipif(
    shutil.which("xgettext") is None or shutil.which("msgmerge") is None,
    reason="GNU gettext (Debian: gettext) is not installed",
)


def _extract(domain: str, into: Path) -> Path:
    """makemessages' template for `domain` (the .pot), written into `into` alone."""
    with override_settings(LOCALE_PATHS=[into]):
        call_command(
            "makemessages",
            all=True,
            domain=domain,
            ignore_patterns=DOMAINS[domain],
            keep_pot=True,
            verbosity=0,
        )
    return into / f"{domain}.pot"


def _msgids(po: Path) -> set[tuple[str, str]]:
    """Each entry's context and msgid as the file writes them (escapes kept, the pieces of a
    wrapped string joined); obsolete entries (#~) are not in the catalogue."""
    entries, key, part = set(), {}, None
    for line in [*po.read_text(encoding="utf-8").splitlines(), ""]:
        if match := re.match(r'(msgctxt|msgid) "(.*)"$', line):
            part = match[1]
            key[part] = match[2]
        elif part and (match := re.match(r'"(.*)"$', line)):
            key[part] += match[1]
        else:
            part = None
            if not line.strip() and "msgid" in key:
                if key["msgid"]:  # the header
                    entries.add((key.get("msgctxt", ""), key["msgid"]))
                key = {}
    return entries


@needs_gettext
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_marked_text_is_in_every_catalogue(domain, tmp_path, monkeypatch):
    # makemessages reads the tree below the working directory.
    monkeypatch.chdir(ROOT)
    pot = _extract(domain, tmp_path)
    assert pot.is_file(), f"makemessages wrote no {domain}.pot"
    marked = _msgids(pot)
    assert marked, f"makemessages found no text in {domain}"
    missing = {
        po.parts[-3]: sorted(marked - _msgids(po))
        for po in sorted(LOCALE.glob(f"*/LC_MESSAGES/{domain}.po"))
    }
    report = [
        f"{language}: " + "; ".join(f"{ctx} | {msgid}" if ctx else msgid for ctx, msgid in texts)
        for language, texts in missing.items()
        if texts
    ]
    assert not report, (
        f"texts marked in the source but missing from these {domain} catalogues (run"
        " makemessages and translate them):\n" + "\n".join(report)
    )
