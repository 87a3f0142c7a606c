"""Country names in the languages django-countries has no names for, from CLDR through ICU.

django-countries translates its English names with gettext; for Khmer, Lao, Burmese, Hindi and
Filipino it ships no catalogue, and its Thai one sits under th_TH, which Django never looks up for
"th"; its Traditional Chinese names are Taiwan's, where the network's member is Hong Kong. This
module writes one gettext catalogue per such language whose msgids are
django-countries' English names and whose msgstrs are CLDR's names in that language, so that
`country.name`, `get_country_display()`, django-countries' form fields and the API translate with
no code of their own. The catalogues live under protectnet/locale_countries, after the project's
own catalogues in LOCALE_PATHS: a name the project translates itself wins.

The output depends only on django-countries' names and on the ICU/CLDR data this machine has;
running `manage.py country_names` again with the same versions gives the same bytes.
"""

from collections.abc import Iterator
from pathlib import Path

import icu
from django.utils.translation import to_locale
from django_countries import countries
from django_countries.base import CountriesBase
from django_countries.data import COUNTRIES

from .languages import ICU_LOCALES, collated, icu_locale

# The site's languages whose country names come from here (vi has django-countries' own,
# reviewed by its translators; English is the source). Traditional Chinese is Hong Kong's, the
# network's member (ICU_LOCALES): django-countries' zh_Hant names are Taiwan's usage (about 100
# differ).
LANGUAGES = ("fil", "hi", "km", "lo", "my", "th", "zh-hant")

DIRECTORY = Path(__file__).resolve().parent.parent / "locale_countries"


def country_choices() -> list[tuple[str, str]]:
    """Every country as (code, name) in the active language, in that language's alphabetical
    order: ICU's collation, where django-countries (without pyuca) sorts by the ASCII letters
    of each name and so leaves names in Khmer, Thai or Chinese script in English order."""
    return collated(((code, name) for code, name in countries), key=lambda c: c[1])


def cldr_version() -> str:
    return icu.ResourceBundle("", icu.Locale("icuver")).getStringEx("CLDRVersion")


def _english_names() -> Iterator[tuple[str, str]]:
    """(code, English name) for every name django-countries may ask gettext for: the official
    names and the common ones that replace some of them by default."""
    for code, name in COUNTRIES.items():
        yield code, str(name)
    for code, name in CountriesBase.COMMON_NAMES.items():
        yield code, str(name)


class _Names:
    """CLDR's name of a region in one language, in the length django-countries chose in
    English: where its English name is CLDR's short one ("Hong Kong", "Myanmar") rather than the
    full one ("Hong Kong SAR China", "Myanmar (Burma)"), the short one in every language too."""

    def __init__(self, language: str):
        locale = icu_locale(language)
        english = icu.Locale("en")
        contexts = {
            "full": [icu.UDisplayContext.LENGTH_FULL],
            "short": [icu.UDisplayContext.LENGTH_SHORT],
        }
        self.english = {
            k: icu.LocaleDisplayNames.createInstance(english, c) for k, c in contexts.items()
        }
        self.local = {
            k: icu.LocaleDisplayNames.createInstance(locale, c) for k, c in contexts.items()
        }

    def get(self, code: str, english_name: str) -> str | None:
        short = self.english["short"].regionDisplayName(code)
        full = self.english["full"].regionDisplayName(code)
        length = "short" if english_name == short != full else "full"
        name = self.local[length].regionDisplayName(code)
        return None if name == code else name  # ICU answers the code when it has no name


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def catalogue(language: str) -> str:
    """The .po text for one language: a header naming the data's source and versions, then one
    entry per English name, in django-countries' order."""
    names = _Names(language)
    lines = [
        f"# Country names in {ICU_LOCALES.get(language, language)} from the Unicode CLDR"
        f" {cldr_version()}, read through ICU",
        f"# {icu.ICU_VERSION}. Written by `manage.py country_names`: do not edit, run it again.",
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: ProtectNet country names\\n"',
        '"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"',
        '"Last-Translator: Unicode CLDR <https://cldr.unicode.org/>\\n"',
        '"Language-Team: Unicode CLDR <https://cldr.unicode.org/>\\n"',
        f'"Language: {to_locale(language)}\\n"',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        f'"X-Generator: manage.py country_names (CLDR {cldr_version()}, ICU {icu.ICU_VERSION})\\n"',
    ]
    seen: set[str] = set()
    for code, english in _english_names():
        name = names.get(code, english)
        if english in seen or name is None:
            continue
        seen.add(english)
        lines += ["", f"#. {code}", f"msgid {_quote(english)}", f"msgstr {_quote(name)}"]
    return "\n".join(lines) + "\n"


def write_catalogues(directory: Path = DIRECTORY) -> list[Path]:
    """Write <directory>/<locale>/LC_MESSAGES/django.po for every language of LANGUAGES."""
    written = []
    for language in LANGUAGES:
        path = directory / to_locale(language) / "LC_MESSAGES" / "django.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(catalogue(language), encoding="utf-8")
        written.append(path)
    return written
