"""Directory search by words: people and organisations are found by the beginnings of the words
of their names, cut and folded by the shared text pipeline (core/text.py).

A row keeps a search copy: its folded words, one space between them and one at each end
(" sok chantha officer "), so that "the query word w begins a stored word" is the plain
substring test " w", one LIKE '% w%' that a trigram index serves on PostgreSQL. The copy is
written by every write path (services, importer, demo and bench builders); a copy still empty
(a row bulk-loaded by another tool) falls back to a plain match of the fields themselves.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from protectnet.core.text import fold_words, words

# The longest query the directory takes, and the most words: each word is one LIKE condition.
MAX_QUERY = 200
MAX_WORDS = 8


def search_copy(*parts: str) -> str:
    """The stored copy of a row's searchable fields, or "" when they hold no word."""
    found = dict.fromkeys(w for part in parts if part for w in words(str(part)))
    return f" {' '.join(found)} " if found else ""


def name_key(full_name: str) -> str:
    """A full name as possible duplicates are compared: folded, one space between words."""
    return fold_words(full_name)[:255]


def query_words(text: str) -> list[str]:
    """The words of a query, each of which must begin a word of the entry. A word that begins
    another word of the query adds nothing ("sok sokha" asks as much as "sokha")."""
    found = dict.fromkeys(words(text or ""))
    return [w for w in found if not any(o != w and o.startswith(w) for o in found)]


def query_error(text: str, *, max_length: int = MAX_QUERY) -> str:
    """Why a query cannot be run ("" when it can): what the pages and the API say instead of
    listing anyone."""
    text = text or ""
    if "\x00" in text:
        return _("Null characters are not allowed.")
    if len(text) > max_length:
        return ngettext(
            "Type at most %(n)d character.", "Type at most %(n)d characters.", max_length
        ) % {"n": max_length}
    found = query_words(text)
    if text.strip() and not found:
        return _("Type at least one letter or digit to search.")
    if len(found) > MAX_WORDS:
        return ngettext(
            "Search with at most %(n)d word.", "Search with at most %(n)d words.", MAX_WORDS
        ) % {"n": MAX_WORDS}
    return ""


def words_match(found: list[str], *, fallback: tuple[str, ...], field: str = "search_text") -> Q:
    """Rows whose copy has a word beginning with each query word; rows whose copy is still
    empty are matched on their own fields instead (every query word inside one of them)."""
    by_copy = Q()
    for word in found:
        by_copy &= Q(**{f"{field}__contains": f" {word}"})
    plain = Q(**{field: ""})
    for word in found:
        plain &= Q(*(Q(**{f"{name}__icontains": word}) for name in fallback), _connector=Q.OR)
    return by_copy | plain


def rebuild_search_copies(person_model, organisation_model, *, batch: int = 1000) -> None:
    """Write every stored copy again with today's pipeline (a data migration runs this with
    the historical models; the copies depend on core/text.py, not on the schema)."""
    # A migration older than the folded name has a Person without it.
    names = any(f.name == "name_key" for f in person_model._meta.get_fields())
    _rebuild(person_model, person_parts, batch, names=names)
    _rebuild(organisation_model, organisation_parts, batch)


def person_parts(row) -> list[str]:
    """What a person is searched by: names, job title and expertise (never contacts)."""
    return [row.full_name, row.preferred_name, row.job_title, *map(str, row.expertise or [])]


def organisation_parts(row) -> list[str]:
    return [row.name, row.acronym]


def _rebuild(model, parts, batch: int, *, names: bool = False) -> None:
    """`names`: people also get their folded name (the duplicates' key) written again."""
    fields = ["search_text", "name_key"] if names else ["search_text"]
    changed = []
    for row in model.objects.order_by("pk").iterator(chunk_size=batch):
        copy = search_copy(*parts(row))
        key = name_key(row.full_name) if names else ""
        if row.search_text != copy or (names and row.name_key != key):
            row.search_text = copy
            if names:
                row.name_key = key
            changed.append(row)
        if len(changed) >= batch:
            model.objects.bulk_update(changed, fields)
            changed = []
    model.objects.bulk_update(changed, fields)
