"""The time zone a new workshop starts with, from its host country (the network's countries).

Only a starting value: the organiser may choose any zone, e.g. for a country spanning several."""

TIME_ZONES = {
    "KH": "Asia/Phnom_Penh",
    "TH": "Asia/Bangkok",
    "VN": "Asia/Ho_Chi_Minh",
    "PH": "Asia/Manila",
    "LA": "Asia/Vientiane",
    "IN": "Asia/Kolkata",
    "HK": "Asia/Hong_Kong",
    "SG": "Asia/Singapore",
    "MM": "Asia/Yangon",
    "GB": "Europe/London",
}


def time_zone_for(country_code) -> str:
    """The zone of a network country ("" when the country is not one of them)."""
    return TIME_ZONES.get(str(country_code or "").upper(), "")
