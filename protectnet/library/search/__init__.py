"""One search service for the library, with a backend per database (see service.py)."""

from .service import SearchFilters, SearchResult, search

__all__ = ["SearchFilters", "SearchResult", "search"]
