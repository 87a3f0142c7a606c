"""Which scripts a text is written in, and so which languages' terms apply to it: the check page
and the API say both, so a writer knows what was (and was not) checked."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Language

SCRIPTS = {
    "latin": (_("Latin"), re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")),
    "thai": (_("Thai"), re.compile(r"[\u0e00-\u0e7f]")),
    "lao": (_("Lao"), re.compile(r"[\u0e80-\u0eff]")),
    "khmer": (_("Khmer"), re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")),
    "myanmar": (_("Myanmar (Burmese)"), re.compile(r"[\u1000-\u109f\uaa60-\uaa7f]")),
    "han": (_("Chinese characters"), re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    "devanagari": (_("Devanagari"), re.compile(r"[\u0900-\u097f]")),
}


@dataclass(frozen=True)
class Named:
    code: str
    name: str

    def __str__(self) -> str:
        return self.name


def scripts_in(text: str) -> list[str]:
    """The scripts of `text`, in the order they first appear."""
    first = {}
    for code, (_name, pattern) in SCRIPTS.items():
        m = pattern.search(text or "")
        if m is not None:
            first[code] = m.start()
    return sorted(first, key=first.get)


def script_names(codes: list[str]) -> list[Named]:
    return [Named(code, str(SCRIPTS[code][0])) for code in codes]


def language_names(codes: list[str]) -> list[Named]:
    labels = dict(Language.choices)
    return [Named(code, str(labels.get(code, code))) for code in codes]


def scripts_of_terms(variants_by_language: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """{language: the scripts its phrases are written in} (a Filipino list may hold English
    loan words: Latin script)."""
    return {
        language: frozenset(s for v in variants for s in scripts_in(v))
        for language, variants in variants_by_language.items()
    }
