"""Small helpers the workshops views share."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator


def attach_errors(form, exc: ValidationError) -> None:
    """Show a service's refusal on the form: on the field it names, else at the top."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            target = name if name in form.fields else None
            for message in errors:
                form.add_error(target, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def error_text(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return " ".join(m for messages in exc.message_dict.values() for m in messages)
    return " ".join(exc.messages)


def paginate(request, qs, per_page: int = 50):
    page = Paginator(qs, per_page).get_page(request.GET.get("page"))
    return page
