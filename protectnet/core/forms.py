"""Form helpers every app's views share."""

from django.core.exceptions import ValidationError
from django.forms import Form, ModelMultipleChoiceField
from django.forms.models import ModelChoiceIterator

from .languages import collated


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


class CollatedChoices(ModelChoiceIterator):
    """A model field's choices in the reader's alphabetical order of their labels (ICU's
    collation), read when the form is shown: names translated per reader (a topic's, a
    language's CLDR name) have no one order the database could sort them in."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in collated(self.queryset, key=self.field.label_from_instance):
            yield self.choice(obj)


class CollatedMultipleChoiceField(ModelMultipleChoiceField):
    iterator = CollatedChoices
