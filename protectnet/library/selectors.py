"""Every read of the library, starting from the access policy's scope.

Reads of AMBER, AMBER+STRICT and RED resources, and downloads of their files, are audited here,
so the page and the API cannot forget it.
"""

from django.db.models import F, Prefetch, Q, QuerySet
from django.http import Http404

from protectnet.access import audit
from protectnet.access.markings import AUDITED_MARKINGS
from protectnet.access.policy import get_visible_or_404, visible
from protectnet.access.principal import principal_for
from protectnet.network.models import Country, Organisation, Person
from protectnet.network.selectors import labelled

from .models import (
    AccessRequest,
    AccessRequestStatus,
    ExtractionStatus,
    Resource,
    ResourceVersion,
    VersionFile,
)
from .search.service import restricted_queryset


def _shaped(qs: QuerySet) -> QuerySet:
    return qs.select_related("owner_organisation", "owner_organisation__country").prefetch_related(
        "topics", "languages", "countries"
    )


def resource_get(*, user, pk, request=None) -> Resource:
    """One resource the user may read; an AMBER/RED read is written to the audit log."""
    resource = get_visible_or_404(
        user,
        _shaped(Resource.objects.all()).prefetch_related(
            "shared_with",
            Prefetch("named_people", queryset=labelled(Person.objects.all())),  # Person.label
            _versions_prefetch(),
        ),
        pk=pk,
    )
    if resource.marking in AUDITED_MARKINGS:
        audit.record("library.resource.read", actor=user, obj=resource, request=request)
    return resource


def resource_for_change(*, user, pk) -> Resource:
    """Load for editing (no read audit: the change itself is audited by the service)."""
    return get_visible_or_404(
        user, _shaped(Resource.objects.all()).prefetch_related("shared_with", "named_people"), pk=pk
    )


def _versions_prefetch() -> Prefetch:
    return Prefetch(
        "versions",
        queryset=ResourceVersion.objects.select_related("created_by").prefetch_related(
            Prefetch("files", queryset=VersionFile.objects.defer("extracted_text"))
        ),
    )


def file_for_download(*, user, pk, request=None) -> VersionFile:
    file = get_visible_or_404(
        user,
        VersionFile.objects.select_related("version__resource").defer("extracted_text"),
        pk=pk,
    )
    resource = file.version.resource
    if resource.marking in AUDITED_MARKINGS:
        audit.record(
            "library.file.download",
            actor=user,
            obj=resource,
            request=request,
            data={"file": file.pk, "version": file.version.number},
        )
    return file


def version_list(*, user, resource_pk) -> QuerySet:
    return (
        visible(user, ResourceVersion.objects.filter(resource_id=resource_pk))
        .select_related("created_by")
        .prefetch_related(Prefetch("files", queryset=VersionFile.objects.defer("extracted_text")))
    )


def restricted_get(*, user, pk) -> Resource:
    """A restricted item as a member may see it: title and owner only."""
    try:
        return (
            restricted_queryset(user)
            .select_related("owner_organisation")
            .only(
                "pk",
                "title",
                "marking",
                "listed_when_restricted",
                "owner_organisation__name",
                "owner_organisation__acronym",
            )
            .get(pk=pk)
        )
    except (Resource.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def own_organisations(*, user) -> QuerySet:
    principal = principal_for(user)
    if principal.is_admin:
        return Organisation.objects.select_related("country").order_by("name")
    return Organisation.objects.filter(pk__in=principal.organisation_ids).order_by("name")


def directory_people(*, user) -> QuerySet:
    """The people a writer may name on a TLP:RED resource: those the directory shows them."""
    return visible(user, Person.objects.filter(erased_at__isnull=True))


def people_by_email(*, user, emails: list[str]) -> list[Person]:
    return list(directory_people(user=user).filter(email__in=emails))


def _access_requests(user) -> QuerySet:
    return visible(user, AccessRequest.objects.all()).select_related(
        "resource__owner_organisation", "requester_organisation", "requester_person", "decided_by"
    )


def access_request_inbox(*, user) -> QuerySet:
    """Requests addressed to the user's organisations (pending first)."""
    orgs = list(principal_for(user).organisation_ids)
    return (
        _access_requests(user)
        .filter(resource__owner_organisation_id__in=orgs)
        .order_by(F("decided_at").desc(nulls_first=True), "-created_at")
    )


def access_requests_sent(*, user) -> QuerySet:
    return _access_requests(user).filter(requester_id=getattr(user, "pk", None))


def access_request_get(*, user, pk) -> AccessRequest:
    return get_visible_or_404(user, _access_requests(user), pk=pk)


def pending_request_count(*, user) -> int:
    orgs = list(principal_for(user).organisation_ids)
    if not orgs:
        return 0
    return (
        visible(user, AccessRequest.objects.all())
        .filter(resource__owner_organisation_id__in=orgs, status=AccessRequestStatus.PENDING)
        .count()
    )


def findings_list(*, user) -> QuerySet:
    """Resources the user may read whose summary or current text carries terminology findings."""
    return (
        _shaped(visible(user, Resource.objects.all()))
        .filter(Q(summary_findings__gt=0) | Q(text_findings__gt=0))
        .annotate(total_findings=F("summary_findings") + F("text_findings"))
        .order_by("-total_findings", "-published_on", "-pk")
    )


def unreadable_files(*, user) -> QuerySet:
    return (
        visible(user, VersionFile.objects.filter(extraction_status=ExtractionStatus.FAILED))
        .select_related("version__resource")
        .defer("extracted_text")
        .order_by("-created_at")
    )


def resource_choices_by_code(
    *, user, languages: list[str], countries: list[str], topics: list[str], organisations: list
) -> dict:
    """The API names a resource's languages, countries and topics by code and the organisations
    it is shared with by id: the rows they stand for (unknown codes drop out, organisations the
    user cannot see too)."""
    from .models import Language, Topic

    return {
        "languages": list(Language.objects.filter(code__in=languages)),
        "countries": list(Country.objects.filter(code__in=[c.upper() for c in countries])),
        "topics": list(Topic.objects.filter(slug__in=topics)),
        "shared_with": list(visible(user, Organisation.objects.filter(pk__in=organisations))),
    }
