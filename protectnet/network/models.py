"""The directory: countries, organisations, people, memberships, vetting, focal points, panels."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from protectnet.access.markings import Marking

from .search import name_key, organisation_parts, person_parts, search_copy


class Region(models.TextChoices):
    SOUTH_EAST_ASIA = "south_east_asia", _("South-East Asia")
    SOUTH_ASIA = "south_asia", _("South Asia")
    EAST_ASIA = "east_asia", _("East Asia")
    EUROPE = "europe", _("Europe")
    OTHER = "other", _("Other")


class Sector(models.TextChoices):
    LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
    GOVERNMENT = "government", _("Government ministry")
    NGO = "ngo", _("NGO")
    EDUCATION = "education", _("Education")
    CHARITY = "charity", _("Children's charity")
    INTERNATIONAL = "international", _("International organisation")
    DIPLOMATIC = "diplomatic", _("Diplomatic mission")


class Discipline(models.TextChoices):
    LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
    EDUCATION = "education", _("Education")
    CHARITY = "charity", _("Children's charity")
    NGO = "ngo", _("NGO")
    HEALTH = "health", _("Health")
    SOCIAL_WORK = "social_work", _("Social work")
    JUSTICE = "justice", _("Justice")


class Country(models.Model):
    """A member country of the network (ISO 3166 code, with the region it belongs to)."""

    code = CountryField(unique=True)
    region = models.CharField(max_length=32, choices=Region.choices, default=Region.OTHER)
    joined_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self) -> str:
        return str(self.code.name)

    @property
    def name(self) -> str:
        return str(self.code.name)


def unsearched_index(name: str) -> models.Index:
    """Rows whose search copy is still empty (bulk-loaded by another tool): the search's
    fallback arm reads them from this small index, so PostgreSQL can OR it with the trigram
    index on the copy instead of scanning the table."""
    return models.Index(fields=["id"], condition=Q(search_text=""), name=name)


class Organisation(models.Model):
    name = models.CharField(max_length=255)
    acronym = models.CharField(max_length=32, blank=True)
    sector = models.CharField(max_length=32, choices=Sector.choices, db_index=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="organisations")
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    website = models.URLField(blank=True)
    verified = models.BooleanField(default=False)
    # Name and acronym as the pipeline's words (network/search.py); written with them.
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        indexes = [unsearched_index("network_org_unsearched_idx")]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "country",
                name="network_organisation_name_country_unique",
                violation_error_message=_(
                    "An organisation with this name already exists in this country."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def website_host(self) -> str:
        """The website's host ("cpac.org.kh"): the text of the link, never the raw address."""
        host = urlsplit(self.website).hostname or self.website
        return host.removeprefix("www.")

    def refresh_search_text(self) -> None:
        self.search_text = search_copy(*organisation_parts(self))

    @property
    def is_law_enforcement(self) -> bool:
        return self.sector == Sector.LAW_ENFORCEMENT


def person_label(full_name: str, organisations) -> str:
    """The one way a person is named wherever one is chosen or listed: "Sok Bopha (CPAC)", the
    full name and the acronym (or name) of each organisation, so that two people who go by the
    same name are told apart. A registration passes the organisation it was made for."""
    names = sorted({o.acronym or o.name for o in organisations if o is not None})
    return f"{full_name} ({', '.join(names)})" if names else full_name


class Person(models.Model):
    """Someone in the directory. Names are kept whole: no forced first/last split."""

    full_name = models.CharField(max_length=255)
    preferred_name = models.CharField(max_length=255, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=32, blank=True, help_text=_("E.164, e.g. +85512345678"))
    job_title = models.CharField(max_length=255, blank=True)
    # The language ProtectNet writes to them in (emails), when they have no account that says
    # otherwise: a code of settings.LANGUAGES, empty for the site's language.
    language = models.CharField(_("language for emails"), max_length=12, blank=True)
    languages = models.JSONField(
        default=list, blank=True, help_text=_("Language codes, e.g. km, en")
    )
    expertise = models.JSONField(default=list, blank=True, help_text=_("Free tags"))
    gender = models.CharField(max_length=64, blank=True, help_text=_("Self-described; optional."))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    consent_directory = models.BooleanField(
        default=False, help_text=_("Contact details may be shown to network members.")
    )
    consent_directory_at = models.DateTimeField(null=True, blank=True)
    consent_participant_list = models.BooleanField(default=False)
    consent_participant_list_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)
    # Names, title and expertise as the pipeline's words (network/search.py), so that "nguyen"
    # finds "Nguyễn" and "ចាន់ធា" finds "សុខចាន់ធា"; written with them, never shown.
    search_text = models.TextField(blank=True, editable=False)
    # The full name folded (core/text.py fold_words), written with the search copy: possible
    # duplicates are grouped on it in the database ("Nguyễn Văn An" is "nguyen van an").
    name_key = models.CharField(max_length=255, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["full_name"]
        verbose_name_plural = _("people")
        # The directory and the API list people by name then id: a page of them is read from
        # this index instead of sorting the whole directory.
        indexes = [
            models.Index(fields=["full_name", "id"], name="network_person_name_idx"),
            models.Index(fields=["name_key", "id"], name="network_person_name_key_idx"),
            unsearched_index("network_person_unsearched_idx"),
            # The few erased entries, so that counting people can leave them out without
            # reading every live one (Membership.of_live_people_q).
            models.Index(
                fields=["id"],
                name="network_person_erased_idx",
                condition=Q(erased_at__isnull=False),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="network_person_email_ci_unique",
                violation_error_message=_("A person with this email address already exists."),
            )
        ]

    def __str__(self) -> str:
        return str(self.display_name)

    @property
    def display_name(self) -> str:
        if self.erased_at:
            return _("Erased person")
        return self.preferred_name or self.full_name

    def refresh_search_text(self) -> None:
        """The search copy and the folded name (save both: `SEARCH_FIELDS`)."""
        self.search_text = search_copy(*person_parts(self))
        self.name_key = name_key(self.full_name)

    SEARCH_FIELDS = ("search_text", "name_key")

    @property
    def label(self) -> str:
        """How a person is named wherever one is chosen or listed: "Sok Bopha (CPAC)", the
        full name and the acronym (or name) of each current organisation. It reads the
        memberships prefetched with their organisations (selectors' `_memberships_prefetch`),
        so a list of labels costs no query per person."""
        if self.erased_at:
            return str(_("Erased person"))
        return person_label(self.full_name, [m.organisation for m in self.current_memberships])

    @property
    def current_memberships(self) -> list:
        today = timezone.localdate()
        return [
            m
            for m in self.memberships.all()
            if (m.start_date is None or m.start_date <= today)
            and (m.end_date is None or m.end_date >= today)
        ]

    def country_ids(self) -> set[int]:
        """Countries of the person's current memberships (uses prefetched rows when present)."""
        return {m.organisation.country_id for m in self.current_memberships}


class Membership(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    title = models.CharField(max_length=255, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="network_membership_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.organisation}"

    @staticmethod
    def of_live_people_q() -> Q:
        """Memberships of people not erased, as "not one of the erased": PostgreSQL answered
        "joined to a live person" by reading the whole directory (a page of organisations'
        people counts: 32 ms at 200,000 people, 9 ms this way)."""
        erased = Person.objects.filter(erased_at__isnull=False).values("pk")
        return ~Q(person_id__in=erased)

    @staticmethod
    def current_q(prefix: str = "") -> Q:
        today = timezone.localdate()
        return (
            Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__lte": today})
        ) & (Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today}))


class VettingLevel(models.TextChoices):
    BASIC = "basic", _("Basic check")
    LAW_ENFORCEMENT = "law_enforcement", _("Law-enforcement vetting")
    ENHANCED = "enhanced", _("Enhanced vetting")


class Vetting(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="vettings")
    level = models.CharField(max_length=32, choices=VettingLevel.choices)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    verified_on = models.DateField()
    expires_on = models.DateField()
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-expires_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("verified_on")),
                name="network_vetting_expiry_after",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_level_display()} until {self.expires_on}"

    @property
    def is_current(self) -> bool:
        return self.verified_on <= timezone.localdate() < self.expires_on


class FocalPoint(models.Model):
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="focal_points")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="focal_point_for")
    since = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["country", "person"], name="network_focalpoint_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} — focal point for {self.country}"


class AdvisoryPanel(models.Model):
    country = models.OneToOneField(Country, on_delete=models.CASCADE, related_name="advisory_panel")
    name = models.CharField(max_length=255)
    remit = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.name


class PanelMember(models.Model):
    panel = models.ForeignKey(AdvisoryPanel, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="panel_seats")
    discipline = models.CharField(max_length=32, choices=Discipline.choices)
    is_chair = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["panel", "person"], name="network_panelmember_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_discipline_display()})"


class PanelMeeting(models.Model):
    panel = models.ForeignKey(AdvisoryPanel, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField()
    title = models.CharField(max_length=255)
    minutes = models.TextField(blank=True)
    marking = models.CharField(max_length=16, choices=Marking.choices, default=Marking.GREEN)
    owner_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # TLP:AMBER opens the minutes to these organisations too; TLP:RED to these people only.
    shared_with = models.ManyToManyField(Organisation, blank=True, related_name="+")
    named_people = models.ManyToManyField(Person, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.panel}: {self.title} ({self.held_on})"


class ImportKind(models.TextChoices):
    ORGANISATIONS = "organisations", _("Organisations")
    PEOPLE = "people", _("People")


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", _("Preview")
    COMMITTED = "committed", _("Committed")


class ImportBatch(models.Model):
    """An uploaded file kept as parsed rows between the preview and the all-or-nothing commit."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=ImportKind.choices)
    filename = models.CharField(max_length=255)
    rows = models.JSONField(default=list)
    status = models.CharField(max_length=16, choices=ImportStatus.choices, default="preview")
    result = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    committed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = _("import batches")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} import {self.pk} ({self.filename})"
