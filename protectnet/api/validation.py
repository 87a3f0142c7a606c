"""Pydantic's per-field validation messages in the reader's language.

Each error keeps what clients read (`type`, `loc`, `ctx`); only `msg` is written again, from
the error's type and its context values, in the active language. English readers get pydantic's
own text, unchanged. A type this table does not know keeps pydantic's English message.
"""

import re
from collections.abc import Callable

import icu
from django.conf import settings
from django.utils.translation import get_language, ngettext, to_locale
from django.utils.translation import gettext as _

Context = dict


def _choices(ctx: Context) -> str:
    """pydantic's "'a', 'b' or 'c'" as an "or" list of the reader's language."""
    values = re.findall(r"'[^']*'|\"[^\"]*\"", str(ctx["expected"]))
    if not values:
        return str(ctx["expected"])
    locale = icu.Locale(to_locale(get_language()))
    return icu.ListFormatter.createInstance(
        locale, icu.UListFormatterType.OR, icu.UListFormatterWidth.WIDE
    ).format(values)


# The types the API's schemas can produce: required fields, numbers, booleans, texts and
# lists with lengths, bounds, dates and times, fixed choices (Literal), validators' refusals.
MESSAGES: dict[str, Callable[[Context], str]] = {
    "missing": lambda ctx: _("Field required"),
    "int_type": lambda ctx: _("Input should be a valid integer"),
    "int_parsing": lambda ctx: _("Input should be a valid integer"),
    "int_from_float": lambda ctx: _("Input should be a whole number"),
    "int_parsing_size": lambda ctx: _("The number is too large."),
    "float_type": lambda ctx: _("Input should be a valid number"),
    "float_parsing": lambda ctx: _("Input should be a valid number"),
    "bool_type": lambda ctx: _("Input should be a valid boolean"),
    "bool_parsing": lambda ctx: _("Input should be a valid boolean"),
    "string_type": lambda ctx: _("Input should be a valid string"),
    "string_too_short": lambda ctx: (
        ngettext(
            "String should have at least %(min_length)d character",
            "String should have at least %(min_length)d characters",
            ctx["min_length"],
        )
        % ctx
    ),
    "string_too_long": lambda ctx: (
        ngettext(
            "String should have at most %(max_length)d character",
            "String should have at most %(max_length)d characters",
            ctx["max_length"],
        )
        % ctx
    ),
    "too_short": lambda ctx: (
        ngettext(
            "Should have at least %(min_length)d item",
            "Should have at least %(min_length)d items",
            ctx["min_length"],
        )
        % ctx
    ),
    "too_long": lambda ctx: (
        ngettext(
            "Should have at most %(max_length)d item",
            "Should have at most %(max_length)d items",
            ctx["max_length"],
        )
        % ctx
    ),
    "greater_than": lambda ctx: _("Input should be greater than %(gt)s") % ctx,
    "greater_than_equal": lambda ctx: _("Input should be greater than or equal to %(ge)s") % ctx,
    "less_than": lambda ctx: _("Input should be less than %(lt)s") % ctx,
    "less_than_equal": lambda ctx: _("Input should be less than or equal to %(le)s") % ctx,
    "date_type": lambda ctx: _("Input should be a valid date"),
    "date_parsing": lambda ctx: _("Input should be a valid date in the format YYYY-MM-DD"),
    "date_from_datetime_parsing": lambda ctx: _("Input should be a valid date"),
    "date_from_datetime_inexact": lambda ctx: _("Input should be a date without a time"),
    "datetime_type": lambda ctx: _("Input should be a valid date and time"),
    "datetime_parsing": lambda ctx: _("Input should be a valid date and time"),
    "datetime_from_date_parsing": lambda ctx: _("Input should be a valid date and time"),
    "time_type": lambda ctx: _("Input should be a valid time"),
    "time_parsing": lambda ctx: _("Input should be a valid time"),
    "list_type": lambda ctx: _("Input should be a valid list"),
    "set_type": lambda ctx: _("Input should be a valid list"),
    "dict_type": lambda ctx: _("Input should be a valid object"),
    "model_type": lambda ctx: _("Input should be a valid object"),
    "model_attributes_type": lambda ctx: _("Input should be a valid object"),
    "literal_error": lambda ctx: _("Input should be %(expected)s") % {"expected": _choices(ctx)},
    "enum": lambda ctx: _("Input should be %(expected)s") % {"expected": _choices(ctx)},
    "uuid_type": lambda ctx: _("Input should be a valid UUID"),
    "uuid_parsing": lambda ctx: _("Input should be a valid UUID"),
    "json_invalid": lambda ctx: _("Invalid JSON"),
    # A validator's own refusal is already in the reader's language (gettext at raise time);
    # pydantic's English "Value error, " prefix is left out.
    "value_error": lambda ctx: str(ctx["error"]),
}


def translated(errors: list) -> list:
    """The errors of a ninja ValidationError with `msg` in the active language."""
    if (get_language() or settings.LANGUAGE_CODE) == settings.LANGUAGE_CODE:
        return errors
    return [_translated(error) for error in errors]


def _translated(error):
    if not isinstance(error, dict) or error.get("type") not in MESSAGES:
        return error
    try:
        msg = MESSAGES[error["type"]](error.get("ctx") or {})
    except (KeyError, TypeError, ValueError):
        return error  # a context pydantic did not give: its own message stays
    return {**error, "msg": msg}
