"""Small helpers the directory's views share."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator

PAGE_SIZE = 25


def add_errors(form, exc: ValidationError) -> None:
    """Show a service's refusal beside the field it names, or above the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def querystring_without(params, *names: str) -> str:
    pairs = [(k, v) for k in params for v in params.getlist(k) if k not in names and v]
    return urlencode(pairs)


def paginate(queryset, number, size: int = PAGE_SIZE):
    """A page of results; an out-of-range or bad number shows the nearest page."""
    return Paginator(queryset, size).get_page(number)
