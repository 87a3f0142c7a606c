"""The demo network: ten countries, ~40 organisations, ~150 fictitious people, focal points,
advisory panels with members and a meeting, vetting, and one demo account per role.

Idempotent: everything is looked up by a natural key (country code, organisation name and
country, email, fixed dates) before it is created, and a seeded generator makes every run
choose the same names. Development only: the passwords and TOTP keys are published.
"""

import base64
import random
from datetime import date

import phonenumbers
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_otp.oath import totp

from protectnet.access.markings import Marking
from protectnet.access.models import RoleGrant
from protectnet.access.roles import Role
from protectnet.accounts.models import TOTPDevice
from protectnet.demo import network_data as data
from protectnet.network.models import (
    AdvisoryPanel,
    Country,
    FocalPoint,
    Membership,
    Organisation,
    PanelMeeting,
    PanelMember,
    Person,
    Vetting,
    VettingLevel,
)
from protectnet.network.search import search_copy
from protectnet.network.text import fold

SEED = 2026
VETTED_ON = date(2026, 1, 15)
VETTING_EXPIRES = date(2029, 1, 15)
EXPIRED_ON = (date(2023, 3, 1), date(2025, 3, 1))
MEETING_DAY = date(2026, 3, 2)
DEMO_DOMAIN = "example.org"


def load() -> None:
    rng = random.Random(SEED)
    countries = _countries()
    orgs = _organisations(countries)
    accounts = _accounts(orgs)
    people = _people(rng, countries, orgs)
    _vetting(rng, people, accounts)
    _focal_points(countries, people, accounts)
    _panels(rng, countries, people, accounts, orgs)


def _countries() -> dict[str, Country]:
    result = {}
    for code, region in data.COUNTRIES:
        country, _ = Country.objects.get_or_create(code=code, defaults={"region": region})
        result[code] = country
    return result


def _organisations(countries) -> dict[str, Organisation]:
    result: dict[str, Organisation] = {}
    for code, name, acronym, sector, parent in data.ORGANISATIONS:
        org, _ = Organisation.objects.get_or_create(
            name=name,
            country=countries[code],
            defaults={
                "acronym": acronym,
                "sector": sector,
                "parent": result.get(parent),
                "verified": True,
                "website": f"https://{acronym.lower().replace(' ', '-')}.{DEMO_DOMAIN}",
                "search_text": search_copy(name, acronym),
            },
        )
        result[name] = org
    return result


def _person(email: str, full_name: str, **fields) -> Person:
    person = Person.objects.filter(email=email).first()
    if person is None:
        person = Person(email=email, full_name=full_name, **fields)
        if person.consent_directory:
            person.consent_directory_at = timezone.now()
        person.refresh_search_text()
        person.save()
    return person


def _member(person: Person, org: Organisation, title: str = "") -> None:
    Membership.objects.get_or_create(
        person=person, organisation=org, defaults={"title": title, "start_date": date(2024, 1, 8)}
    )


def _accounts(orgs) -> dict[str, Person]:
    """One account per role, linked to a demo person; TOTP for the admin and vetted officers."""
    users = get_user_model()
    result = {}
    for email, _role, org_name, full_name, preferred in data.ACCOUNTS:
        user = users.objects.filter(email=email).first()
        if user is None:
            user = users.objects.create_user(email=email, password=data.DEMO_PASSWORD)
        org = orgs.get(org_name)
        person = _person(
            email,
            full_name,
            preferred_name=preferred,
            job_title=_title_for(org),
            languages=["en"],
            expertise=data.EXPERTISE[org.sector][:2] if org else [],
            consent_directory=True,
            phone=_phone(random.Random(email), str(org.country.code) if org else "VN"),
        )
        if person.user_id is None:
            person.user = user
            person.save(update_fields=["user"])
        if org is not None:
            _member(person, org, person.job_title)
        if email in data.TOTP_KEYS:
            TOTPDevice.objects.get_or_create(
                user=user,
                name="demo authenticator",
                defaults={"key": data.TOTP_KEYS[email], "confirmed": True},
            )
        result[email] = person
    admin = users.objects.get(email="admin@protectnet.test")
    RoleGrant.objects.get_or_create(user=admin, role=Role.NETWORK_ADMIN)
    trainer = users.objects.get(email="trainer@protectnet.test")
    RoleGrant.objects.get_or_create(user=trainer, role=Role.TRAINER)
    return result


def _title_for(org) -> str:
    return data.JOB_TITLES[org.sector][0] if org else "Participant"


def _phone(rng: random.Random, code: str) -> str:
    """A valid-looking number of that country: the example number with new last digits."""
    example = phonenumbers.example_number_for_type(code, phonenumbers.PhoneNumberType.MOBILE)
    national = str(example.national_number)
    for _ in range(10):
        candidate = national[:-3] + f"{rng.randint(0, 999):03d}"
        number = phonenumbers.parse(f"+{example.country_code}{candidate}")
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)


def _names(rng: random.Random, code: str, count: int) -> list[tuple[str, str, str]]:
    """(full name, preferred name, name in Latin letters): native-script names first."""
    names = [(full, latin, latin) for full, latin in data.NATIVE_NAMES.get(code, [])]
    families, givens, family_first = data.NAME_PARTS[code]
    seen = {latin for _, _, latin in names}
    while len(names) < count:
        family, given = rng.choice(families), rng.choice(givens)
        full = f"{family} {given}" if family_first else f"{given} {family}"
        if full not in seen:
            seen.add(full)
            names.append((full, given.split()[-1] if code == "VN" else given, full))
    return names[:count]


def _email(latin: str, org: Organisation) -> str:
    local = ".".join(
        "".join(ch for ch in part if ch.isascii() and ch.isalnum()) for part in fold(latin).split()
    ).strip(".")
    domain = org.acronym.lower().replace(" ", "-") or "org"
    return f"{local or 'person'}@{domain}-{str(org.country.code).lower()}.{DEMO_DOMAIN}"


def _people(rng, countries, orgs) -> dict[str, list[Person]]:
    """About fifteen people per country, spread over its organisations."""
    by_country: dict[str, list[Person]] = {}
    for code in countries:
        local_orgs = [o for o in orgs.values() if str(o.country.code) == code]
        people = by_country.setdefault(code, [])
        for n, (full, preferred, latin) in enumerate(_names(rng, code, data.PEOPLE_PER_COUNTRY)):
            org = local_orgs[n % len(local_orgs)]
            languages = list(data.LANGUAGES[code])
            if code in data.EXTRA_LANGUAGES and rng.random() < 0.4:
                languages.append(rng.choice(data.EXTRA_LANGUAGES[code]))
            title = rng.choice(data.JOB_TITLES[org.sector])
            person = _person(
                _email(latin, org),
                full,
                preferred_name=preferred if preferred != full else "",
                job_title=title,
                languages=languages,
                expertise=rng.sample(data.EXPERTISE[org.sector], k=2),
                phone=_phone(rng, "GB" if org.sector == "diplomatic" else code),
                consent_directory=rng.random() < 0.7,
                gender=rng.choice(["female", "male", ""]),
            )
            _member(person, org, title)
            people.append(person)
    return by_country


def _vetting(rng, people, accounts) -> None:
    """Police officers are vetted; a few vettings have expired (they no longer count)."""
    for email in ("le.kh@protectnet.test", "le.th@protectnet.test", "le.uk@protectnet.test"):
        _vet(accounts[email], VETTED_ON, VETTING_EXPIRES, VettingLevel.LAW_ENFORCEMENT)
    police = Membership.objects.filter(
        organisation__sector="law_enforcement", person__user__isnull=True
    ).select_related("person")
    for n, membership in enumerate(police.order_by("person__email")):
        start, end = EXPIRED_ON if n % 6 == 5 else (VETTED_ON, VETTING_EXPIRES)
        _vet(membership.person, start, end, VettingLevel.LAW_ENFORCEMENT)


def _vet(person: Person, verified_on: date, expires_on: date, level: str) -> None:
    Vetting.objects.get_or_create(
        person=person,
        level=level,
        verified_on=verified_on,
        defaults={"expires_on": expires_on, "notes": "Demo vetting record."},
    )


def _focal_points(countries, people, accounts) -> None:
    """Cambodia's focal point is the demo account; elsewhere the first police officer."""
    FocalPoint.objects.get_or_create(
        country=countries["KH"], person=accounts["focal.kh@protectnet.test"]
    )
    for code, country in countries.items():
        if code == "KH":
            continue
        person = next((p for p in people[code] if _sector(p) == "law_enforcement"), people[code][0])
        FocalPoint.objects.get_or_create(country=country, person=person)


def _sector(person: Person) -> str:
    membership = person.memberships.select_related("organisation").first()
    return membership.organisation.sector if membership else ""


def _panels(rng, countries, people, accounts, orgs) -> None:
    """An advisory panel per country: four or five members across disciplines, one meeting."""
    for code, country in countries.items():
        panel, _ = AdvisoryPanel.objects.get_or_create(
            country=country,
            defaults={
                "name": f"{country.name} advisory panel",
                "remit": (
                    "Specialists from law enforcement, education, children's charities and NGOs "
                    "who advise the network on the risks to children in the country and on "
                    "the regional response to transnational child sex offenders."
                ),
            },
        )
        members = people[code][:5]
        for n, person in enumerate(members):
            PanelMember.objects.get_or_create(
                panel=panel,
                person=person,
                defaults={
                    "discipline": data.DISCIPLINE_FOR_SECTOR.get(_sector(person), "ngo"),
                    "is_chair": n == 0,
                },
            )
        PanelMeeting.objects.get_or_create(
            panel=panel,
            title="Panel meeting before the regional workshop",
            defaults={
                "held_on": MEETING_DAY,
                "marking": Marking.GREEN,
                "minutes": (
                    "The panel reviewed referrals of children subjected to sexual exploitation, "
                    "agreed the delegation's priorities for the workshop, and asked members to "
                    "report on online safety education in schools. Fictitious demo minutes."
                ),
            },
        )
    kh_panel = AdvisoryPanel.objects.get(country=countries["KH"])
    PanelMeeting.objects.get_or_create(
        panel=kh_panel,
        title="Case coordination (police only)",
        defaults={
            "held_on": MEETING_DAY,
            "marking": Marking.AMBER_STRICT,
            "owner_organisation": orgs[data.KH_POLICE],
            "minutes": "Coordination of open investigations. Fictitious demo minutes.",
        },
    )


def describe_accounts() -> list[str]:
    """One line per demo account: role, email, password, and the TOTP secret and current code."""
    lines = []
    for email, role, *_rest in data.ACCOUNTS:
        line = f"{role:<26} {email:<28} password: {data.DEMO_PASSWORD}"
        key = data.TOTP_KEYS.get(email)
        if key:
            raw = bytes.fromhex(key)
            secret = base64.b32encode(raw).decode()
            line += f"  TOTP secret: {secret}  code now: {totp(raw):06d}"
        lines.append(line)
    return lines
