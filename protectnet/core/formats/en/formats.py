"""English dates for an international network: "4 Mar 2025", never "03/04/2025", which a reader
in Manila and one in London would take for different days. Django's other locales (km, vi, th)
keep their own formats; each language has one date format and one date-and-time format."""

DATE_FORMAT = "j M Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j M"
YEAR_MONTH_FORMAT = "M Y"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
