"""Every URL pattern of the site, with placeholder arguments so it can be requested."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

_CONVERTER_SAMPLES = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "uuid": "00000000-0000-0000-0000-000000000001",
    "path": "x",
}


def _sample(route: str) -> str:
    def repl(match):
        converter = match.group(1) or "str"
        return _CONVERTER_SAMPLES.get(converter, "1")

    return re.sub(r"<(?:(\w+):)?\w+>", repl, route)


def iter_routes(patterns=None, prefix: str = "", namespace: str = ""):
    """Yield (view name, sample URL, callback) for every pattern (regex ones are skipped)."""
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        route = getattr(p.pattern, "_route", None)
        if route is None:
            continue  # regex patterns (Django admin internals) are covered by their siblings
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from iter_routes(p.url_patterns, prefix + route, ns)
        elif isinstance(p, URLPattern):
            yield f"{namespace}{p.name}", "/" + _sample(prefix + route), p.callback
