"""`make bench`: build a synthetic network at a chosen scale, then measure pages and the API."""
