"""Text folding for search: the same function folds what is stored and what is typed."""

import re
import unicodedata

from django.utils.translation import gettext as _


def fold(text: str) -> str:
    """Lower case without diacritics: "Nguyễn Thị Lan" -> "nguyen thi lan".

    Scripts without case (Khmer, Thai, Lao, Burmese) lose only their combining marks, on both
    sides of the comparison, so a substring still matches.
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("đ", "d").split())


def normalise_phone(raw: str, country_code: str = "") -> str:
    """E.164 form of a phone number, read in the given country's format when it has no "+".

    Raises ValueError with a reason a person can act on.
    """
    import phonenumbers

    raw = (raw or "").strip()
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(raw, (country_code or "").upper() or None)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(_("not a phone number (write it as +<country code> <number>)")) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValueError(_("not a valid phone number for its country"))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


def split_tags(value, *, limit: int = 20, length: int = 60) -> list[str]:
    """Comma- or semicolon-separated text (or a list) -> unique, trimmed, lower-case tags."""
    items = value if isinstance(value, list | tuple) else re.split(r"[,;\n]", str(value or ""))
    tags: list[str] = []
    for item in items:
        tag = " ".join(str(item).split()).lower()[:length]
        if tag and tag not in tags:
            tags.append(tag)
    return tags[:limit]


def split_languages(value) -> list[str]:
    """Language codes ("km, en") -> ["km", "en"]; raises ValueError naming a bad code."""
    codes = split_tags(value, length=12)
    bad = [c for c in codes if not LANGUAGE_CODE.match(c)]
    if bad:
        raise ValueError(
            _("not a language code: %(codes)s (use e.g. km, th, en)") % {"codes": ", ".join(bad)}
        )
    return codes
