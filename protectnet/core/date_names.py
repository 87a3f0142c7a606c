"""The names of months and weekdays that dates show, for the project's own catalogues.

Django's catalogues have no month or short weekday names in Burmese, none at all in Lao and
Filipino (Django knows neither language), and no short weekday names in Khmer, so dates showed
them in English. The project's catalogues come before Django's (LOCALE_PATHS), and give every
name in every language of the site; marking the texts here keeps makemessages from dropping
them. They are Django's own texts (django.utils.dates): "F" and "l" the full names, "M" and
"b" the short months (title-cased by "M"), "D" the short weekdays.
"""

from django.utils.translation import gettext_noop as _

MONTHS = (
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
)
MONTHS_3 = (
    _("jan"),
    _("feb"),
    _("mar"),
    _("apr"),
    _("may"),
    _("jun"),
    _("jul"),
    _("aug"),
    _("sep"),
    _("oct"),
    _("nov"),
    _("dec"),
)
WEEKDAYS = (
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
)
WEEKDAYS_ABBR = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))
