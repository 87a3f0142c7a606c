"""The library's query parsing; folding itself is shared (core/text.py)."""

import re

from protectnet.core.text import fold, fold_with_offsets, normalise

__all__ = ["fold", "fold_with_offsets", "normalise", "query_terms"]

_SPACE = re.compile(r"\s+")


def query_terms(query: str, *, max_terms: int = 8, max_length: int = 100) -> list[str]:
    """Folded search terms: split on spaces (scripts without spaces give one term each)."""
    folded = fold(query or "")[: max_length * max_terms]
    terms = []
    for term in _SPACE.split(folded.strip()):
        term = term.strip("\"'*")[:max_length]
        if term and term not in terms:
            terms.append(term)
    return terms[:max_terms]
