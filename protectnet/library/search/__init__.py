"""One search service for the library, with a backend per database (see service.py)."""

from .service import Facets, SearchFilters, SearchResult, facet_counts, search

__all__ = ["Facets", "SearchFilters", "SearchResult", "facet_counts", "search"]
