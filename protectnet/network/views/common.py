"""Small helpers the directory's views share."""

from urllib.parse import urlencode


def querystring_without(params, *names: str) -> str:
    pairs = [(k, v) for k in params for v in params.getlist(k) if k not in names and v]
    return urlencode(pairs)
