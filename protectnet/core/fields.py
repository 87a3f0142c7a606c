"""Model fields whose values are stored as Fernet tokens (protectnet.core.crypto).

The database holds only tokens; Python code, forms, the admin and `full_clean()` see the plain
value. A token differs on every write, so these fields cannot be searched, filtered or ordered by
value: the only lookups allowed are "is it empty" (`field=""`, `field__isnull=True`), because the
empty value is stored as it is (an empty string, or NULL for a date) and never encrypted.

`max_length` keeps its meaning for the plain value (forms and `full_clean()` check it); the
column itself is a text column, since a token is much longer than what it hides.
"""

from datetime import date

from django import forms
from django.core import validators
from django.core.exceptions import FieldError
from django.db import models
from django.db.models.lookups import Exact, IsNull

from . import crypto

EMPTY_VALUES = (None, "")


class EmptyOnlyExact(Exact):
    """`field=""` works (the empty value is stored as it is); any other value cannot match."""

    def get_prep_lookup(self):
        if self.rhs not in EMPTY_VALUES:
            raise FieldError(
                f"{self.lhs.target.name} is encrypted: only a test for the empty value works."
            )
        return super().get_prep_lookup()


class EncryptedMixin:
    encrypted = True

    def get_lookup(self, lookup_name):
        return {"exact": EmptyOnlyExact, "isnull": IsNull}.get(lookup_name)

    def get_transform(self, lookup_name):
        return None

    def get_internal_type(self) -> str:
        return "TextField"

    def decrypt_token(self, token: str):
        return self.to_python(crypto.decrypt_text(token))

    def encrypt_value(self, value) -> str:
        return crypto.encrypt_text(self.plain_text(value))

    def from_db_value(self, value, expression, connection):
        if value in EMPTY_VALUES:
            return value
        return self.decrypt_token(value)

    def get_db_prep_value(self, value, connection, prepared=False):
        if not prepared:
            value = self.get_prep_value(value)
        if value in EMPTY_VALUES:
            return value
        return self.encrypt_value(value)


class EncryptedTextField(EncryptedMixin, models.TextField):
    """Encrypted text. With `max_length`, forms show a one-line input and check the length."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(validators.MaxLengthValidator(self.max_length))

    def plain_text(self, value) -> str:
        return str(value)

    def formfield(self, **kwargs):
        if self.max_length is not None and not self.choices:
            kwargs.setdefault("widget", forms.TextInput)
        return super().formfield(**kwargs)


class EncryptedDateField(EncryptedMixin, models.DateField):
    """An encrypted date: the ISO date (YYYY-MM-DD) as a token; NULL when there is none."""

    def plain_text(self, value) -> str:
        return value.isoformat()

    def get_prep_value(self, value):
        value = self.to_python(value)
        return value if isinstance(value, date) or value is None else None
