"""Directory text: phone numbers, tags and language codes; folding for search is shared
(core/text.py, `fold_words`), re-exported here as `fold` for the directory's callers."""

import re

from django.utils.translation import gettext as _

from protectnet.core.text import fold_words as fold

__all__ = ["fold", "normalise_phone", "split_languages", "split_tags"]


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
        raise ValueError(
            _(
                "not a phone number (write the country code with +, then the number, "
                "e.g. +855 12 345 678)"
            )
        ) from exc
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
