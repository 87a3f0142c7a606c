"""What other apps add to the person's own page (My workshops), so that it is their one place:
their certificates, say, next to their registrations.

An app opts in with a `mine.py` module exposing `section(user) -> MySection | None` (found by
`core.providers`). It reads only the reader's own rows, through the access policy, in a
constant number of queries.
"""

from dataclasses import dataclass, field

from .providers import providers


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    download: bool = False


@dataclass(frozen=True)
class Entry:
    title: str
    detail: str = ""
    status: str = ""
    # A value the reader may need to copy or read out (a verification code), shown as code.
    code: str = ""
    code_label: str = ""
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class MySection:
    title: str
    entries: list[Entry] = field(default_factory=list)
    # Why nothing is listed and what to do about it.
    empty: str = ""
    more_url: str = ""
    more_text: str = ""
    order: int = 100


def my_sections(user) -> list[MySection]:
    sections = [module.section(user) for module in providers("mine") if module.__name__ != __name__]
    return sorted((s for s in sections if s), key=lambda s: (s.order, s.title))
