from urllib.parse import urlencode

from django.core.exceptions import ValidationError


def add_errors(form, exc: ValidationError) -> None:
    """Show a service's refusal on the form, beside the field it concerns where it names one."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def querystring_without(params, *names: str) -> str:
    pairs = [(k, v) for k in params for v in params.getlist(k) if k not in names and v]
    return urlencode(pairs)
