"""The front page anonymous visitors see at `/`: each app may add a section of public items.

An app opts in with a `front_page.py` module exposing `section() -> Section | None` (found by
`core.providers`). It reads as an anonymous visitor through the access policy, in one query
whatever the number of rows: the page is the first thing every visitor loads.
"""

from dataclasses import dataclass, field

from .providers import providers


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    detail: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    items: list[Item] = field(default_factory=list)
    more_url: str = ""
    more_text: str = ""
    order: int = 100
    # Why nothing is listed and where to go instead; a general line when left empty.
    empty: str = ""


def front_page_sections() -> list[Section]:
    sections = [
        module.section() for module in providers("front_page") if module.__name__ != __name__
    ]
    return sorted((s for s in sections if s), key=lambda s: (s.order, s.title))
