"""Django's own form, validation and password texts in the reader's language: Django has no
Lao or Filipino catalogue and thin Khmer and Burmese ones, so the project's catalogues give
them (protectnet/core/django_messages.py). Each text is taken from Django's objects, not from
that module, so a text copied there with one character wrong fails here."""

import pytest
from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.password_validation import (
    get_default_password_validators,
    validate_password,
)
from django.core import validators
from django.core.exceptions import ValidationError
from django.utils import translation

from protectnet.accounts.forms import InvitationAcceptForm, LoginForm
from protectnet.accounts.models import User
from protectnet.network.forms import PersonForm

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

MESSAGES = [
    forms.Field.default_error_messages["required"],
    forms.IntegerField.default_error_messages["invalid"],
    forms.DecimalField.default_error_messages["invalid"],
    forms.DateField.default_error_messages["invalid"],
    forms.TimeField.default_error_messages["invalid"],
    forms.DateTimeField.default_error_messages["invalid"],
    forms.URLField.default_error_messages["invalid"],
    forms.ChoiceField.default_error_messages["invalid_choice"],
    forms.MultipleChoiceField.default_error_messages["invalid_list"],
    forms.ModelChoiceField.default_error_messages["invalid_choice"],
    forms.ModelMultipleChoiceField.default_error_messages["invalid_pk_value"],
    *(forms.FileField.default_error_messages[k] for k in ("invalid", "missing", "empty")),
    forms.FileField.default_error_messages["contradiction"],
    validators.RegexValidator.message,
    validators.EmailValidator.message,
    validators.validate_slug.message,
    validators.MaxValueValidator.message,
    validators.MinValueValidator.message,
    validators.ProhibitNullCharactersValidator.message,
    auth_forms.SetPasswordForm.error_messages["password_mismatch"],
    auth_forms.PasswordChangeForm.error_messages["password_incorrect"],
    auth_forms.SetPasswordForm.base_fields["new_password1"].label,
    auth_forms.SetPasswordForm.base_fields["new_password2"].label,
    auth_forms.SetPasswordForm.base_fields["new_password2"].help_text,
    auth_forms.PasswordChangeForm.base_fields["old_password"].label,
]
# Texts with plural forms, and the values that pick each form.
PLURALS = [
    (validators.MaxLengthValidator.message, {"limit_value": 1, "show_value": 3}),
    (validators.MaxLengthValidator.message, {"limit_value": 255, "show_value": 300}),
    (validators.MinLengthValidator.message, {"limit_value": 1, "show_value": 0}),
    (validators.MinLengthValidator.message, {"limit_value": 12, "show_value": 5}),
    (forms.FileField.default_error_messages["max_length"], {"max": 1, "length": 3}),
    (forms.FileField.default_error_messages["max_length"], {"max": 100, "length": 120}),
]


def _in(language, text, params=None):
    with translation.override(language):
        return str(text % params) if params else str(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_djangos_form_and_validator_texts_are_translated(language):
    untranslated = [
        _in("en", text, params)
        for text, params in [*((m, None) for m in MESSAGES), *PLURALS]
        if _in(language, text, params) == _in("en", text, params)
    ]
    assert untranslated == []


def _rules(language) -> list[str]:
    """Each configured password validator's help text and error message."""
    with translation.override(language):
        return [
            str(getattr(validator, method)())
            for validator in get_default_password_validators()
            for method in ("get_help_text", "get_error_message")
        ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_password_rules_are_translated(language):
    english = _rules("en")
    translated = _rules(language)
    assert len(english) == 8
    assert [e for e, t in zip(english, translated, strict=True) if e == t] == []


def _errors(form) -> list[str]:
    return [message for messages in form.errors.values() for message in messages]


def _person_form_errors() -> list[str]:
    """Django's texts that a directory entry with these mistakes gets, in the active language."""
    return [
        translation.gettext("This field is required."),
        translation.gettext("Enter a valid email address."),
        translation.ngettext(
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            255,
        )
        % {"limit_value": 255, "show_value": 300},
        translation.gettext("Select a valid choice. %(value)s is not one of the available choices.")
        % {"value": "zz"},
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_person_form_errors_are_in_the_readers_language(language):
    data = {"preferred_name": "x" * 300, "email": "not an address", "language": "zz"}
    with translation.override(language):
        errors = _errors(PersonForm(data=data))
        expected = _person_form_errors()
    with translation.override("en"):
        english = _person_form_errors()
    for text, original in zip(expected, english, strict=True):
        assert text in errors
        assert text != original


@pytest.mark.parametrize("language", LANGUAGES)
def test_sign_in_form_errors_are_in_the_readers_language(language):
    with translation.override(language):
        errors = _errors(LoginForm(data={"email": "nobody"}))
        expected = [
            translation.gettext("Enter a valid email address."),
            translation.gettext("This field is required."),
        ]
    assert sorted(errors) == sorted(expected)
    assert "Enter a valid email address." not in errors


@pytest.mark.parametrize("language", LANGUAGES)
def test_validate_password_speaks_the_readers_language(language):
    user = User(email="amina.sok@example.org")
    with translation.override(language):
        with pytest.raises(ValidationError) as short:
            validate_password("12345", user)
        with pytest.raises(ValidationError) as similar:
            validate_password("amina.sok.example.org", user)
        expected = [
            translation.ngettext(
                "This password is too short. It must contain at least %d character.",
                "This password is too short. It must contain at least %d characters.",
                12,
            )
            % 12,
            translation.gettext("This password is too common."),
            translation.gettext("This password is entirely numeric."),
        ]
        too_similar = translation.gettext(
            "The password is too similar to the %(verbose_name)s."
        ) % {"verbose_name": User._meta.get_field("email").verbose_name}
    assert short.value.messages == expected
    assert similar.value.messages == [too_similar]
    english = ["This password is too common.", "This password is entirely numeric."]
    assert not set(english) & set(short.value.messages)
    assert "too similar" not in too_similar


@pytest.mark.parametrize("language", LANGUAGES)
def test_invitation_password_errors_are_in_the_readers_language(language):
    data = {"password1": "123456789", "password2": "123456789"}
    with translation.override(language):
        form = InvitationAcceptForm(data=data, email="amina.sok@example.org")
        errors = form.errors["password1"]
        common = translation.gettext("This password is too common.")
    assert common in errors
    assert common != "This password is too common."
