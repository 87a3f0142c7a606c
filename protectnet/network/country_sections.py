"""Sections other apps add to a country page (workshop delegations, training figures...).

An app opts in with a module `<app>/country_page.py` exposing
`sections(user, country) -> list[CountrySection]`; each must filter through the access policy
and cost a constant number of queries. The network app imports none of them directly.
"""

from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

from django.conf import settings


@dataclass(frozen=True)
class CountrySection:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)  # (label, value)
    url: str = ""
    order: int = 100


@cache
def _providers() -> tuple:
    modules = []
    for app in settings.INSTALLED_APPS:
        if not app.startswith("protectnet.") or app == "protectnet.network":
            continue
        name = f"{app}.country_page"
        try:
            modules.append(import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return tuple(modules)


def country_sections(user, country) -> list[CountrySection]:
    sections: list[CountrySection] = []
    for module in _providers():
        sections.extend(module.sections(user, country))
    return sorted(sections, key=lambda s: (s.order, s.title))
