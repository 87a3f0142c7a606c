"""Vietnamese: "4 thg 3, 2025" (CLDR's medium date), never "04-03-2025", which a reader outside
Viet Nam could take for 3 April; 1.234,5."""

DATE_FORMAT = r"j \t\h\g n, Y"
SHORT_DATE_FORMAT = r"j \t\h\g n, Y"
DATETIME_FORMAT = r"j \t\h\g n, Y, H:i"
SHORT_DATETIME_FORMAT = r"j \t\h\g n, Y, H:i"
MONTH_DAY_FORMAT = r"j \t\h\g n"
YEAR_MONTH_FORMAT = r"\t\h\g n, Y"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
