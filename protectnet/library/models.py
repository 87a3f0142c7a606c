"""The knowledge library: marked resources, their versions and files, the search documents."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from protectnet.access.markings import Marking
from protectnet.core.languages import language_name
from protectnet.network.models import Country, Organisation, Person, person_label


class ResourceType(models.TextChoices):
    GUIDE = "guide", _("Guide")
    REPORT = "report", _("Report")
    CASE_STUDY = "case_study", _("Case study")
    PRESENTATION = "presentation", _("Presentation")
    POLICY = "policy", _("Policy")
    TRAINING = "training_material", _("Training material")
    LINK = "link", _("Link")


class Language(models.Model):
    """A language a resource is written in (ISO 639-1 code); seeded by a migration. `name` is
    its English name; readers see CLDR's name in their own language."""

    code = models.CharField(max_length=8, primary_key=True)
    name = models.CharField(max_length=64)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the reader's language; the English one where CLDR has none."""
        return language_name(self.code, default=self.name)


class Topic(models.Model):
    """A subject resources are tagged with. The name is given in several languages
    (translation.py): readers see theirs, else the English original."""

    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=128)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Resource(models.Model):
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    resource_type = models.CharField(max_length=32, choices=ResourceType.choices)
    languages = models.ManyToManyField(Language, related_name="resources", blank=True)
    countries = models.ManyToManyField(Country, related_name="library_resources", blank=True)
    topics = models.ManyToManyField(Topic, related_name="resources", blank=True)
    owner_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="library_resources"
    )
    marking = models.CharField(max_length=16, choices=Marking.choices, default=Marking.GREEN)
    # AMBER: organisations the owner shares with; AMBER may also be granted to single people.
    shared_with = models.ManyToManyField(Organisation, related_name="+", blank=True)
    # RED: the named people only (and AMBER grants to one person after an access request).
    named_people = models.ManyToManyField(Person, related_name="+", blank=True)
    listed_when_restricted = models.BooleanField(
        default=False,
        help_text=_("AMBER only: members who cannot open it may see its title and ask for access."),
    )
    published_on = models.DateField(default=timezone.localdate)
    review_date = models.DateField(null=True, blank=True)
    # Terminology findings in the summary (text findings are counted per file).
    summary_findings = models.PositiveIntegerField(default=0)
    # Findings in the current version's extracted text, kept here for the secretariat's list.
    text_findings = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Withdrawn: hidden from everyone but the owning organisation and admins, until restored.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawal_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["marking", "owner_organisation"]),
            models.Index(fields=["-published_on", "-id"]),
            models.Index(fields=["resource_type"]),
            # The restricted items a search lists by title: a few among many, read from here.
            models.Index(
                fields=["-published_on", "-id"],
                condition=Q(listed_when_restricted=True, withdrawn_at__isnull=True),
                name="library_resource_listed_idx",
            ),
            # The secretariat's findings list: the few resources with findings, most first,
            # read from here instead of every resource the admin may read.
            models.Index(
                (F("summary_findings") + F("text_findings")).desc(),
                F("published_on").desc(),
                F("id").desc(),
                condition=Q(summary_findings__gt=0) | Q(text_findings__gt=0),
                name="library_resource_findings_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(listed_when_restricted=False) | Q(marking=Marking.AMBER),
                name="library_resource_listed_only_amber",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def findings_total(self) -> int:
        return self.summary_findings + self.text_findings


class ResourceVersion(models.Model):
    """One published state of a resource: files, or a link. Older versions stay downloadable."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    link = models.URLField(blank=True, max_length=1000)
    note = models.CharField(max_length=300, blank=True)
    is_current = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "number"], name="library_version_number_unique"
            ),
            models.UniqueConstraint(
                fields=["resource"],
                condition=Q(is_current=True),
                name="library_version_one_current",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="library_version_number_gte1"),
        ]

    def __str__(self) -> str:
        return f"{self.resource} v{self.number}"


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for text extraction")
    DONE = "done", _("Text extracted")
    FAILED = "failed", _("Could not be read")


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"
    XLSX = "xlsx", "XLSX"
    PPTX = "pptx", "PPTX"
    TEXT = "txt", _("Plain text")


class VersionFile(models.Model):
    """An uploaded file, stored under a random name; its type was decided by its content."""

    version = models.ForeignKey(ResourceVersion, on_delete=models.CASCADE, related_name="files")
    stored_name = models.CharField(max_length=100, unique=True)
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=8, choices=FileKind.choices)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    extraction_status = models.CharField(
        max_length=16, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING
    )
    extraction_error = models.CharField(max_length=300, blank=True)
    extracted_text = models.TextField(blank=True)
    findings_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["extraction_status"])]
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="library_file_size_gt0")
        ]

    def __str__(self) -> str:
        return self.original_name


class SearchDocument(models.Model):
    """The text of one resource as written (summary and current files), for snippets.

    What search matches is in SearchChunk: the whole document cut into words by the one text
    pipeline (core/text.py), however long it is.
    """

    resource = models.OneToOneField(
        Resource, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    text = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"search document of {self.resource_id}"


class LexemeField(models.TextField):
    """PostgreSQL: a tsvector written from a literal the index builds ('key':1A ...), so no text
    search parser cuts the words again. SQLite: unused (NULL); its FTS5 table reads `title` and
    `body`."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"

    def get_placeholder(self, value, compiler, connection):
        return "%s::tsvector" if connection.vendor == "postgresql" else "%s"


class SearchChunk(models.Model):
    """Index keys of a resource: its title (first chunk only) and up to CHUNK_KEYS words of its
    text per chunk, so a long report is indexed to its last word. SQLite indexes `title` and
    `body` in an FTS5 table kept in step by triggers; PostgreSQL indexes `vector` with RUM where
    the rum extension is available, GIN otherwise (migrations 0004 and 0009)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField()
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)
    vector = LexemeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "number"], name="library_searchchunk_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"search chunk {self.number} of {self.resource_id}"


class AccessRequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class GrantScope(models.TextChoices):
    ORGANISATION = "organisation", _("The requester's organisation")
    PERSON = "person", _("The requester only")


class AccessRequest(models.Model):
    """A member asks the owning organisation to open a restricted AMBER resource."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="access_requests")
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    requester_person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    requester_organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(max_length=2000)
    status = models.CharField(
        max_length=16, choices=AccessRequestStatus.choices, default=AccessRequestStatus.PENDING
    )
    grant_scope = models.CharField(max_length=16, choices=GrantScope.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "requester"],
                condition=Q(status="pending"),
                name="library_accessrequest_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"access to {self.resource_id} for {self.requester_organisation_id}"

    @property
    def requester_label(self) -> str:
        """The requester named as everywhere (Person.label), with the organisation they ask for."""
        person = self.requester_person
        if person.erased_at:
            return person.label
        return person_label(person.full_name, [self.requester_organisation])


class StagedUpload(models.Model):
    """A checked upload kept for a day while its form is shown again (terminology notes, errors).

    A browser cannot send a file twice, so the "save anyway" answer would otherwise lose it. The
    bytes live in the staging storage under a random name; only the user who uploaded may use it.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    stored_name = models.CharField(max_length=100, unique=True)
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=8, choices=FileKind.choices)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return self.original_name
