"""The languages of the site: which ones a reader may choose (each named in its own script,
marked "preview" until a native speaker has reviewed its catalogue) and which one a message to
an address is written in.

Whose language an address is belongs to the apps that know people: each may offer a
`recipient_languages.py` with `languages(addresses) -> {address in lower case: code}`. The first
app (in INSTALLED_APPS order: accounts before network) that knows an address decides.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

from .providers import providers


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in its own script
    preview: bool  # its catalogue has not been reviewed by a native speaker yet


def language_choices() -> list[Language]:
    reviewed = set(settings.REVIEWED_LANGUAGES)
    return [Language(code, name, code not in reviewed) for code, name in settings.LANGUAGES]


def supported(code: str | None) -> str | None:
    """`code` if it is one of the site's languages, else None."""
    return code if code and code in dict(settings.LANGUAGES) else None


def current() -> str:
    """The active language, or the site's when none is (a worker, a management command)."""
    return supported(translation.get_language()) or settings.LANGUAGE_CODE


def recipient_languages(addresses: list[str]) -> dict[str, str]:
    """The language to write to each address in; the site's language for unknown addresses.
    One query per app that knows people, whatever the number of addresses."""
    wanted = sorted({address.lower() for address in addresses})
    known: dict[str, str] = {}
    for module in providers("recipient_languages"):
        unknown = [address for address in wanted if address not in known]
        if not unknown:
            break
        for address, code in module.languages(unknown).items():
            if supported(code):
                known.setdefault(address, code)
    return {address: known.get(address.lower(), settings.LANGUAGE_CODE) for address in addresses}
