"""Sections other apps add to a country page (workshop delegations, training figures...).

An app opts in with a module `<app>/country_page.py` (found by `core.providers`) exposing
`sections(user, country) -> list[CountrySection]`; each must filter through the access policy
and cost a constant number of queries. The network app imports none of them directly.
"""

from dataclasses import dataclass, field

from protectnet.core.providers import providers


@dataclass(frozen=True)
class CountrySection:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)  # (label, value)
    url: str = ""
    order: int = 100


def _providers() -> tuple:
    return providers("country_page")


def country_sections(user, country) -> list[CountrySection]:
    sections: list[CountrySection] = []
    for module in _providers():
        sections.extend(module.sections(user, country))
    return sorted(sections, key=lambda s: (s.order, s.title))
