"""Django's own form, validation and password texts, for the project's catalogues.

Django's catalogues have no Lao or Filipino (Django knows neither language) and leave most of
these texts out in Khmer and Burmese, and some in Thai and Hindi, so a form's errors, the
password rules and the password forms' labels showed in English. The project's catalogues come
before Django's (LOCALE_PATHS) and give them in every language of the site; marking them here
keeps makemessages from dropping them. They are Django's texts exactly as its source writes
them (django.forms.fields and .models, django.core.validators,
django.contrib.auth.password_validation and .forms), for the fields and validators the
project's forms use and the password validators of AUTH_PASSWORD_VALIDATORS; a text that
differs by one character would never be looked up.
"""

from django.utils.translation import gettext_noop as _
from django.utils.translation import ngettext_lazy

FIELDS = (
    _("This field is required."),
    _("Enter a whole number."),
    _("Enter a number."),
    _("Enter a valid date."),
    _("Enter a valid time."),
    _("Enter a valid date/time."),
    _("Enter a valid URL."),
    _("Select a valid choice. %(value)s is not one of the available choices."),
    _("Select a valid choice. That choice is not one of the available choices."),
    _("Enter a list of values."),
    _("“%(pk)s” is not a valid value."),
    _("No file was submitted. Check the encoding type on the form."),
    _("No file was submitted."),
    _("The submitted file is empty."),
    _("Please either submit a file or check the clear checkbox, not both."),
)
FIELDS_PLURAL = (
    ngettext_lazy(
        "Ensure this filename has at most %(max)d character (it has %(length)d).",
        "Ensure this filename has at most %(max)d characters (it has %(length)d).",
        "max",
    ),
)

VALIDATORS = (
    _("Enter a valid value."),
    _("Enter a valid email address."),
    _("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
    _("Ensure this value is less than or equal to %(limit_value)s."),
    _("Ensure this value is greater than or equal to %(limit_value)s."),
    _("Null characters are not allowed."),
)
VALIDATORS_PLURAL = (
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
)

PASSWORD_VALIDATORS = (
    _("The password is too similar to the %(verbose_name)s."),
    _("Your password can’t be too similar to your other personal information."),
    _("This password is too common."),
    _("Your password can’t be a commonly used password."),
    _("This password is entirely numeric."),
    _("Your password can’t be entirely numeric."),
)
PASSWORD_VALIDATORS_PLURAL = (
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
)

# The reset-confirmation and change forms (django.contrib.auth.forms) that accounts uses.
PASSWORD_FORMS = (
    _("The two password fields didn’t match."),
    _("Enter the same password as before, for verification."),
    _("New password"),
    _("New password confirmation"),
    _("Old password"),
    _("Your old password was entered incorrectly. Please enter it again."),
)
