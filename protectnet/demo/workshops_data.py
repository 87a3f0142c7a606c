"""Fixed data of the workshops demo: editions, the agenda, speakers and outcomes (fictitious)."""

from dataclasses import dataclass
from datetime import date, time

SEED = 2014
SERIES = "Regional child protection workshops"
COUNTRIES = ["KH", "VN", "TH", "PH", "LA", "IN", "HK", "SG", "MM", "GB"]
GENDERS = ["woman", "woman", "man", "man", "man", "", "non-binary"]


@dataclass(frozen=True)
class Edition:
    number: int
    city: str
    country: str
    tz: str
    venue: str
    address: str
    start: date
    days: int = 2


EDITIONS = [
    Edition(
        1,
        "Bangkok",
        "TH",
        "Asia/Bangkok",
        "Riverside Conference Centre (fictitious)",
        "10 Charoen Krung Road, Bangkok",
        date(2010, 2, 23),
    ),
    Edition(
        2,
        "Hanoi",
        "VN",
        "Asia/Ho_Chi_Minh",
        "Lakeside Hotel Hanoi (fictitious)",
        "5 Thanh Nien Road, Hanoi",
        date(2011, 3, 15),
    ),
    Edition(
        3,
        "Manila",
        "PH",
        "Asia/Manila",
        "Bayview Convention Hall (fictitious)",
        "88 Roxas Boulevard, Manila",
        date(2012, 2, 28),
        days=3,
    ),
    Edition(
        4,
        "Vientiane",
        "LA",
        "Asia/Vientiane",
        "Mekong Riverside Hotel (fictitious)",
        "12 Fa Ngum Road, Vientiane",
        date(2013, 3, 5),
    ),
    Edition(
        5,
        "Phnom Penh",
        "KH",
        "Asia/Phnom_Penh",
        "InterContinental Hotel Phnom Penh",
        "296 Boulevard Mao Tse Toung, Phnom Penh 3, Cambodia",
        date(2014, 3, 3),
    ),
]

# (day index, start, end, kind, title, capacity)
AGENDA = [
    (0, time(8, 30), time(9, 0), "networking", "Registration and welcome coffee", None),
    (
        0,
        time(9, 0),
        time(9, 45),
        "plenary",
        "Opening: the British Embassy and the lead agency",
        None,
    ),
    (
        0,
        time(10, 0),
        time(11, 15),
        "plenary",
        "Transnational child sex offenders: patterns of travel and offending in the region",
        None,
    ),
    (
        0,
        time(11, 30),
        time(12, 30),
        "panel",
        "Online investigations: how offenders use technology to abuse children",
        None,
    ),
    (0, time(12, 30), time(13, 30), "networking", "Lunch and networking", None),
    (
        0,
        time(13, 30),
        time(15, 0),
        "panel",
        "Regional collaboration: sharing information across borders",
        None,
    ),
    (
        0,
        time(15, 15),
        time(16, 30),
        "training",
        "Identifying and reporting child sexual abuse material (CSAM)",
        None,
    ),
    (1, time(9, 0), time(10, 30), "breakout", "Breakout: NGOs supporting children", 30),
    (1, time(9, 0), time(10, 30), "breakout", "Breakout: education and safe schools", 25),
    (1, time(9, 0), time(10, 30), "breakout", "Breakout: law-enforcement case coordination", 35),
    (1, time(11, 0), time(12, 15), "plenary", "Reports from the breakouts", None),
    (
        1,
        time(13, 30),
        time(15, 0),
        "panel",
        "Initiatives for the coming year: commitments by country",
        None,
    ),
    (1, time(15, 15), time(16, 0), "plenary", "Closing and next steps", None),
]

SPEAKERS = [
    ("Deputy Head of Mission (fictitious)", "British Embassy Phnom Penh"),
    ("Head of International Partnerships (fictitious)", "UK Child Protection Agency"),
    ("Dr Lina Sorensen (fictitious)", "Regional child protection researcher"),
    ("Detective Inspector Amir Rahman (fictitious)", "Online investigations specialist"),
    ("Prof. Mei Ling Tan (fictitious)", "School safeguarding expert"),
    ("Ms Ana Villanueva (fictitious)", "NGO shelter director"),
]

OUTCOMES = [
    ("initiative", "Regional contact list of investigators for urgent cases"),
    ("initiative", "Joint awareness campaign for hotel and travel staff"),
    ("action_point", "Share referral pathways for children subjected to sexual exploitation"),
    ("action_point", "Translate the online-investigation guide into local languages"),
    ("initiative", "School safeguarding pilot in two provinces"),
]
