"""Checking every row before anything is written: each bad row gets reasons a person can fix.

All lookups are loaded once (countries, organisations, existing people by email), so checking
10,000 rows costs a handful of queries, not 10,000.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from ..models import Country, Membership, Organisation, Person, Sector
from ..text import fold, normalise_phone, split_languages, split_tags
from .reading import FORMULAS

PEOPLE_COLUMNS = (
    "full_name",
    "preferred_name",
    "email",
    "phone",
    "job_title",
    "organisation",
    "country",
    "languages",
    "expertise",
    "consent_directory",
)
ORGANISATION_COLUMNS = ("name", "acronym", "sector", "country", "parent", "website")
YES = {"yes", "y", "true", "1", "x", "oui", "si"}
NO = {"", "no", "n", "false", "0"}
LIMITS = {"full_name": 255, "preferred_name": 255, "job_title": 255, "name": 255, "acronym": 32}


@dataclass
class RowCheck:
    index: int
    errors: list[str] = field(default_factory=list)
    action: str = "create"
    target_id: int | None = None
    values: dict = field(default_factory=dict)

    @property
    def line(self) -> int:
        """The line in the file (line 1 is the header)."""
        return self.index + 2


class Lookups:
    """Countries and organisations, indexed the ways a file may name them."""

    def __init__(self, principal):
        self.principal = principal
        self.countries: dict[str, Country] = {}
        for country in Country.objects.all():
            self.countries[str(country.code).lower()] = country
            self.countries[country.name.lower()] = country
        self.organisations: dict[tuple[int, str], int] = {}
        rows = Organisation.objects.values_list("pk", "country_id", "name", "acronym")
        for pk, country_id, name, acronym in rows:
            self.organisations[(country_id, name.lower())] = pk
            if acronym:
                self.organisations.setdefault((country_id, acronym.lower()), pk)

    def country(self, text: str, errors: list[str]) -> Country | None:
        if not text:
            errors.append(_("missing country"))
            return None
        country = self.countries.get(text.strip().lower())
        if country is None:
            errors.append(_("unknown country: %(value)s") % {"value": text})
            return None
        if not self.principal.is_admin and country.pk not in self.principal.focal_country_ids:
            errors.append(
                _("%(country)s is not your country: you may import only for your own")
                % {"country": country.name}
            )
            return None
        return country


def _limit(name: str, value: str, errors: list[str]) -> str:
    if name in LIMITS and len(value) > LIMITS[name]:
        errors.append(
            _("%(column)s is longer than %(n)s characters") % {"column": name, "n": LIMITS[name]}
        )
    return value


def _formulas(row: dict, columns: tuple[str, ...]) -> list[str]:
    """A formula's value is not in the file (or may be stale): the person pastes the value."""
    cells = row.get(FORMULAS) or {}
    errors = []
    for column in columns:
        if column in cells:
            errors.append(
                _("%(cell)s: formulas are not accepted; paste the value instead")
                % {"cell": cells[column]}
            )
        elif str(row.get(column, "")).lstrip().startswith("="):
            errors.append(
                _("%(column)s: formulas are not accepted; type the value instead")
                % {"column": column}
            )
    return errors


def _consent(text: str, errors: list[str]) -> bool:
    value = text.strip().lower()
    if value in YES:
        return True
    if value not in NO:
        errors.append(_("consent_directory must be yes or no, not %(value)s") % {"value": text})
    return False


def check_people(rows: list[dict], principal) -> list[RowCheck]:
    lookups = Lookups(principal)
    emails = {r.get("email", "").strip().lower() for r in rows} - {""}
    existing = _people_by_email(emails)
    unnamed = _people_without_email(lookups)
    seen_email: dict[str, int] = {}
    seen_name: dict[tuple, int] = {}
    checks = []
    for index, row in enumerate(rows):
        check = RowCheck(index=index, errors=_formulas(row, PEOPLE_COLUMNS))
        errors = check.errors
        name = _limit("full_name", row.get("full_name", "").strip(), errors)
        if not name:
            errors.append(_("missing name"))
        country = lookups.country(row.get("country", ""), errors)
        org_id = None
        org_text = row.get("organisation", "").strip()
        if not org_text:
            errors.append(_("missing organisation"))
        elif country is not None:
            org_id = lookups.organisations.get((country.pk, org_text.lower()))
            if org_id is None:
                errors.append(
                    _("unknown organisation: %(name)s in %(country)s (import it first)")
                    % {"name": org_text, "country": country.name}
                )
        email = row.get("email", "").strip().lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(_("not an email address: %(value)s") % {"value": email})
            if email in seen_email:
                errors.append(
                    _("duplicate email: %(email)s is also on line %(line)s")
                    % {"email": email, "line": seen_email[email] + 2}
                )
            seen_email.setdefault(email, index)
        elif name and org_id:
            key = (fold(name), org_id)
            if key in seen_name:
                errors.append(
                    _("duplicate person: the same name and organisation are on line %(line)s")
                    % {"line": seen_name[key] + 2}
                )
            seen_name.setdefault(key, index)
        phone = ""
        try:
            phone = normalise_phone(row.get("phone", ""), str(country.code) if country else "")
        except ValueError as exc:
            errors.append(
                _("bad phone %(value)s: %(reason)s") % {"value": row["phone"], "reason": exc}
            )
        languages: list[str] = []
        try:
            languages = split_languages(row.get("languages", ""))
        except ValueError as exc:
            errors.append(str(exc))
        check.values = {
            "full_name": name,
            "preferred_name": _limit("preferred_name", row.get("preferred_name", ""), errors),
            "email": email,
            "phone": phone,
            "job_title": _limit("job_title", row.get("job_title", ""), errors),
            "languages": languages,
            "expertise": split_tags(row.get("expertise", "")),
            "consent_directory": _consent(row.get("consent_directory", ""), errors),
            "organisation_id": org_id,
        }
        target = existing.get(email) if email else unnamed.get((fold(name), org_id))
        if target is not None:
            check.action, check.target_id = "update", target[0]
            if not (principal.is_admin or principal.focal_country_ids & target[1]):
                errors.append(
                    _("this email belongs to a person of another country; ask their focal point")
                )
        checks.append(check)
    return checks


def _people_by_email(emails: set[str]) -> dict[str, tuple[int, set[int]]]:
    """Existing people by lower-case email -> (id, countries of their current memberships)."""
    found: dict[str, tuple[int, set[int]]] = {}
    ids: dict[int, str] = {}
    chunk = sorted(emails)
    for start in range(0, len(chunk), 500):
        part = chunk[start : start + 500]
        rows = (
            # Without an address in so many words the unique index of addresses is not read.
            Person.objects.exclude(email="")
            .annotate(email_ci=Lower("email"))
            .filter(email_ci__in=part)
            .order_by()
            .values_list("pk", "email_ci")
        )
        for pk, email in rows:
            found[email] = (pk, set())
            ids[pk] = email
    current = Membership.objects.filter(Membership.current_q(), person_id__in=list(ids))
    for person_id, country_id in current.values_list("person_id", "organisation__country_id"):
        found[ids[person_id]][1].add(country_id)
    return found


def _people_without_email(lookups: Lookups) -> dict[tuple[str, int], tuple[int, set[int]]]:
    """People with no email, by (folded name, organisation): a re-import finds them again."""
    rows = Membership.objects.filter(
        Membership.current_q(), person__email="", person__erased_at__isnull=True
    ).values_list("person_id", "person__full_name", "organisation_id", "organisation__country_id")
    return {(fold(name), org): (pk, {country}) for pk, name, org, country in rows}


def check_organisations(rows: list[dict], principal) -> list[RowCheck]:
    lookups = Lookups(principal)
    sectors = {s.value: s.value for s in Sector} | {str(s.label).lower(): s.value for s in Sector}
    url = URLValidator(schemes=["http", "https"])
    in_file: dict[tuple[int, str], int] = {}
    checks = []
    for index, row in enumerate(rows):
        check = RowCheck(index=index, errors=_formulas(row, ORGANISATION_COLUMNS))
        errors = check.errors
        name = _limit("name", row.get("name", "").strip(), errors)
        if not name:
            errors.append(_("missing name"))
        sector = sectors.get(row.get("sector", "").strip().lower())
        if sector is None:
            errors.append(
                _("unknown sector: %(value)s (use one of: %(choices)s)")
                % {"value": row.get("sector", ""), "choices": ", ".join(s.value for s in Sector)}
            )
        country = lookups.country(row.get("country", ""), errors)
        website = row.get("website", "").strip()
        if website:
            try:
                url(website)
            except ValidationError:
                errors.append(_("not a web address: %(value)s") % {"value": website})
        parent_text = row.get("parent", "").strip().lower()
        key = (country.pk, name.lower()) if country else None
        if key and key in in_file:
            errors.append(
                _("duplicate organisation: also on line %(line)s") % {"line": in_file[key] + 2}
            )
        if country and parent_text:
            known = (country.pk, parent_text) in lookups.organisations
            if not known and (country.pk, parent_text) not in in_file:
                errors.append(
                    _("unknown organisation (parent): %(name)s") % {"name": row["parent"]}
                )
        if key:
            in_file.setdefault(key, index)
        check.values = {
            "name": name,
            "acronym": _limit("acronym", row.get("acronym", "").strip(), errors),
            "sector": sector,
            "country_id": country.pk if country else None,
            "parent": parent_text,
            "website": website,
        }
        target = lookups.organisations.get(key) if key else None
        if target is not None:
            check.action, check.target_id = "update", target
        checks.append(check)
    return checks
