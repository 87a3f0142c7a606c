"""The languages of the site: which ones a reader may choose (each named in its own script,
marked "preview" until a native speaker has reviewed its catalogue), how any language is named
to a reader, how names are put in a reader's alphabetical order, and which one a message to an
address is written in.

Whose language an address is belongs to the apps that know people: each may offer a
`recipient_languages.py` with `languages(addresses) -> {address in lower case: code}`. The first
app (in INSTALLED_APPS order: accounts before network) that knows an address decides.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import icu
from django.conf import settings
from django.utils import translation
from django.utils.translation import to_locale

from .providers import providers

# The CLDR locale of a site language where it is not the language's own: the network's member
# writing Traditional Chinese is Hong Kong (Lao is 老撾文 there, 寮文 in Taiwan's usage).
ICU_LOCALES = {"zh-hant": "zh_Hant_HK"}


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


def icu_locale(code: str) -> icu.Locale:
    """ICU's locale for a reader's language code (Django's "zh-hant" is ICU's "zh_Hant_HK")."""
    return icu.Locale(ICU_LOCALES.get(code, to_locale(code)))


def language_name(code: str, reader: str | None = None, default: str | None = None) -> str:
    """The name of the language `code` in the reader's language (default: the active one), from
    CLDR through ICU, as country names are. A site language named in itself is named as the
    switcher names it. `default` (else the code) where CLDR does not know the language."""
    reader = reader or current()
    if code == reader and supported(code):
        return dict(settings.LANGUAGES)[code]
    language = icu.Locale(to_locale(code)) if code else None
    readers = icu_locale(reader)
    # ICU answers the code itself for a language it has no name of.
    if language is None or language.getDisplayLanguage(readers) == language.getLanguage():
        return default or code
    return language.getDisplayName(readers)


def sort_key(reader: str | None = None) -> Callable[[str], bytes]:
    """A key that orders texts as the reader's language does (ICU's collation): Python's own
    order is that of code points, which puts names in Khmer or Thai script out of order."""
    return icu.Collator.createInstance(icu_locale(reader or current())).getSortKey


def collated(items: Iterable, key: Callable = str, reader: str | None = None) -> list:
    """`items` in the reader's alphabetical order of `key(item)` (default: its text)."""
    by = sort_key(reader)
    return sorted(items, key=lambda item: by(key(item)))


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
