"""Form helpers every app's views share."""

from django.core.exceptions import ValidationError
from django.forms import Form


def add_service_errors(form: Form, exc: ValidationError) -> None:
    """Show a service's refusal on the form that asked for it.

    Services validate the whole write (`full_clean()`, cross-row rules), so their errors can name
    fields the form has, fields it does not show, or none. Each error goes beside the field it
    names when the form has that field and at the top of the form otherwise, so no refusal is lost.
    The ValidationError objects themselves are attached, keeping their codes and parameters.
    """
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)
