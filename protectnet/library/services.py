"""Every write of the library: one policy check, one transaction, one audit entry each.

Uploaded files are checked (type by content, size) before anything is written; their bytes are
stored under random names, and removed again if the database write fails.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.markings import Marking
from protectnet.access.policy import can, require, visible
from protectnet.access.principal import principal_for
from protectnet.core import multilingual
from protectnet.core.background import enqueue
from protectnet.core.multilingual import Translations
from protectnet.network.models import Organisation, Person

from . import staging, uploads
from .extraction import SYNC_EXTRACT_MAX_BYTES, count_findings, extract_file
from .models import (
    AccessRequest,
    AccessRequestStatus,
    GrantScope,
    Resource,
    ResourceType,
    ResourceVersion,
    VersionFile,
)
from .search import index


@dataclass
class ResourceData:
    title: str
    resource_type: str
    owner_organisation: Organisation
    marking: str = Marking.GREEN
    summary: str = ""
    languages: list = field(default_factory=list)
    countries: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    shared_with: list = field(default_factory=list)
    named_people: list = field(default_factory=list)
    listed_when_restricted: bool = False
    review_date: date | None = None
    published_on: date | None = None


SCALAR_FIELDS = (
    "title",
    "summary",
    "resource_type",
    "owner_organisation",
    "marking",
    "listed_when_restricted",
    "review_date",
)


def _check_owner(actor, organisation: Organisation) -> None:
    principal = principal_for(actor)
    if not principal.is_admin and organisation.pk not in principal.organisation_ids:
        raise ValidationError(
            {"owner_organisation": _("Choose one of your own organisations as the owner.")}
        )


def _normalise_marking(actor, data: ResourceData) -> None:
    """Sharing lists only where the marking uses them; the author of a RED item stays named."""
    if data.marking != Marking.AMBER:
        data.listed_when_restricted = False
        data.shared_with = []
    if data.marking == Marking.RED:
        person = getattr(actor, "person", None)
        if person is not None and person not in data.named_people:
            data.named_people = [*data.named_people, person]
        if not data.named_people:
            raise ValidationError({"named_people": _("A TLP:RED resource needs named people.")})
    elif data.marking != Marking.AMBER:
        data.named_people = []


def _check_version_content(resource_type: str, files, link: str) -> None:
    if resource_type == ResourceType.LINK and not link:
        raise ValidationError({"link": _("A resource of type Link needs a link.")})
    if not files and not link:
        raise ValidationError(_("Add at least one file or a link."))
    if files and link:
        raise ValidationError(_("Give either files or a link, not both."))
    if link and not link.lower().startswith(("https://", "http://")):
        raise ValidationError({"link": _("Links must start with https:// or http://.")})


def _apply(resource: Resource, data: ResourceData) -> None:
    for name in SCALAR_FIELDS:
        multilingual.write_original(resource, name, getattr(data, name))
    if data.published_on:
        resource.published_on = data.published_on


def _set_relations(resource: Resource, data: ResourceData) -> None:
    resource.languages.set(data.languages)
    resource.countries.set(data.countries)
    resource.topics.set(data.topics)
    resource.shared_with.set(data.shared_with)
    resource.named_people.set(data.named_people)


def _add_version(actor, resource: Resource, checked, link: str, note: str) -> tuple:
    """Create the next version (now current) and its files; return it with the stored files."""
    last = resource.versions.aggregate(n=Max("number"))["n"] or 0
    resource.versions.filter(is_current=True).update(is_current=False)
    version = ResourceVersion(
        resource=resource, number=last + 1, link=link, note=note, created_by=actor
    )
    version.full_clean(exclude=["resource"])
    version.save()
    stored = []
    for item in checked:
        name = uploads.store(item.data)
        stored.append(name)
        file = VersionFile(
            version=version,
            stored_name=name,
            original_name=item.original_name,
            kind=item.kind,
            content_type=item.content_type,
            size=item.size,
            sha256=item.sha256,
        )
        file.save()
    return version, stored


def _discard(stored: list[str]) -> None:
    for name in stored:
        uploads.FILES.delete(name)


def _checked_uploads(actor, files, staged) -> list:
    """Fresh uploads and the actor's own staged ones, all through the same content checks."""
    if any(item.owner_id != getattr(actor, "pk", None) for item in staged):
        raise PermissionDenied
    return [uploads.check_upload(f) for f in [*files, *map(staging.as_upload, staged)]]


def _extract_small(version: ResourceVersion) -> None:
    """Small files are read at once so search finds them straight away; big ones go to a
    worker, queued in this transaction so that a failed save queues nothing."""
    from .tasks import file_extract

    for file in version.files.select_related("version"):
        if file.size <= SYNC_EXTRACT_MAX_BYTES:
            extract_file(file)
        else:
            enqueue(file_extract, file.pk)


def resource_create(
    *,
    actor,
    data: ResourceData,
    files=(),
    staged=(),
    link: str = "",
    note: str = "",
    translations: Translations | None = None,
):
    """`staged`: StagedUpload rows of the actor, kept from an earlier submission of the form."""
    require(actor, "library.resource.create")
    _check_owner(actor, data.owner_organisation)
    _normalise_marking(actor, data)
    _check_version_content(data.resource_type, [*files, *staged], link)
    checked = _checked_uploads(actor, files, staged)
    stored: list[str] = []
    try:
        with transaction.atomic():
            resource = Resource(created_by=actor)
            _apply(resource, data)
            multilingual.write_translations(resource, translations)
            resource.summary_findings = count_findings(data.summary)
            resource.full_clean()
            multilingual.save_original(resource)
            _set_relations(resource, data)
            version, stored = _add_version(actor, resource, checked, link, note)
            index.refresh_resource(resource.pk)
            audit.record(
                "library.resource.create",
                actor=actor,
                obj=resource,
                data={"marking": resource.marking, "files": len(checked), "link": bool(link)},
            )
    except Exception:
        _discard(stored)
        raise
    staging.discard(staged)
    _extract_small(version)
    return resource


def resource_update(
    *, actor, resource: Resource, data: ResourceData, translations: Translations | None = None
) -> Resource:
    """`translations` None keeps the other languages' versions as they are."""
    require(actor, "library.resource.change", resource)
    if data.owner_organisation.pk != resource.owner_organisation_id:
        _check_owner(actor, data.owner_organisation)
    _normalise_marking(actor, data)
    with transaction.atomic():
        before = resource.marking
        _apply(resource, data)
        columns = multilingual.write_translations(resource, translations)
        resource.summary_findings = count_findings(data.summary)
        resource.updated_at = timezone.now()
        resource.full_clean()
        multilingual.save_original(
            resource,
            [*SCALAR_FIELDS, *columns, "published_on", "summary_findings", "updated_at"],
        )
        _set_relations(resource, data)
        index.refresh_resource(resource.pk)
        audit.record(
            "library.resource.update",
            actor=actor,
            obj=resource,
            data={"marking_before": before, "marking": resource.marking},
        )
    return resource


def version_create(
    *, actor, resource: Resource, files=(), staged=(), link: str = "", note: str = ""
):
    require(actor, "library.resource.change", resource)
    _check_version_content(resource.resource_type, [*files, *staged], link)
    checked = _checked_uploads(actor, files, staged)
    stored: list[str] = []
    try:
        with transaction.atomic():
            # Lock the resource so two uploads cannot both become version n+1.
            Resource.objects.select_for_update().filter(pk=resource.pk).first()
            version, stored = _add_version(actor, resource, checked, link, note)
            Resource.objects.filter(pk=resource.pk).update(updated_at=timezone.now())
            index.refresh_resource(resource.pk)
            audit.record(
                "library.version.create",
                actor=actor,
                obj=resource,
                data={"version": version.number, "files": len(checked), "link": bool(link)},
            )
    except Exception:
        _discard(stored)
        raise
    staging.discard(staged)
    _extract_small(version)
    return version


def resource_withdraw(*, actor, resource: Resource, reason: str = "") -> Resource:
    """Hide the resource from everyone but its owning organisation and admins (reversible)."""
    require(actor, "library.resource.withdraw", resource)
    reason = (reason or "").strip()
    if len(reason) > 500:
        raise ValidationError({"reason": _("Keep the reason under 500 characters.")})
    with transaction.atomic():
        locked = Resource.objects.select_for_update().get(pk=resource.pk)
        if locked.withdrawn_at is not None:
            raise ValidationError(_("This resource is already withdrawn."))
        resource.withdrawn_at = timezone.now()
        resource.withdrawn_by = actor
        resource.withdrawal_reason = reason
        resource.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
        audit.record(
            "library.resource.withdraw",
            actor=actor,
            obj=resource,
            data={"marking": resource.marking, "reason": reason},
        )
    return resource


def resource_restore(*, actor, resource: Resource) -> Resource:
    require(actor, "library.resource.restore", resource)
    with transaction.atomic():
        locked = Resource.objects.select_for_update().get(pk=resource.pk)
        if locked.withdrawn_at is None:
            raise ValidationError(_("This resource is not withdrawn."))
        withdrawn_at = locked.withdrawn_at
        resource.withdrawn_at = None
        resource.withdrawn_by = None
        resource.withdrawal_reason = ""
        resource.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
        audit.record(
            "library.resource.restore",
            actor=actor,
            obj=resource,
            data={"marking": resource.marking, "withdrawn_at": withdrawn_at.isoformat()},
        )
    return resource


def access_request_create(*, actor, resource: Resource, organisation: Organisation, reason: str):
    require(actor, "library.access.request", resource)
    principal = principal_for(actor)
    if visible(actor, Resource.objects.filter(pk=resource.pk)).exists():
        raise ValidationError(_("You can already open this resource."))
    if organisation.pk not in principal.organisation_ids:
        raise ValidationError({"organisation": _("Choose one of your own organisations.")})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say briefly why you need this resource.")})
    with transaction.atomic():
        if AccessRequest.objects.filter(
            resource=resource, requester=actor, status=AccessRequestStatus.PENDING
        ).exists():
            raise ValidationError(_("You have already asked for access; the owner will answer."))
        request = AccessRequest(
            resource=resource,
            requester=actor,
            requester_person_id=principal.person_id,
            requester_organisation=organisation,
            reason=reason,
        )
        request.full_clean()
        request.save()
        audit.record(
            "library.access.request",
            actor=actor,
            obj=resource,
            data={"request": request.pk, "organisation": organisation.pk},
        )
    return request


def access_request_decide(
    *, actor, access_request: AccessRequest, grant: bool, scope: str = "", note: str = ""
) -> AccessRequest:
    require(actor, "library.access.decide", access_request)
    if grant and scope not in GrantScope.values:
        raise ValidationError({"scope": _("Choose whom to open the resource to.")})
    with transaction.atomic():
        locked = AccessRequest.objects.select_for_update().get(pk=access_request.pk)
        if locked.status != AccessRequestStatus.PENDING:
            raise ValidationError(_("This request has already been answered."))
        resource = locked.resource
        if grant and scope == GrantScope.ORGANISATION:
            resource.shared_with.add(locked.requester_organisation)
        elif grant:
            resource.named_people.add(Person.objects.get(pk=locked.requester_person_id))
        locked.status = AccessRequestStatus.GRANTED if grant else AccessRequestStatus.REFUSED
        locked.grant_scope = scope if grant else ""
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.decision_note = (note or "")[:500]
        locked.save(
            update_fields=["status", "grant_scope", "decided_by", "decided_at", "decision_note"]
        )
        audit.record(
            "library.access.grant" if grant else "library.access.refuse",
            actor=actor,
            obj=resource,
            data={"request": locked.pk, "scope": locked.grant_scope},
        )
    return locked


def can_change(user, resource: Resource) -> bool:
    return can(user, "library.resource.change", resource)
