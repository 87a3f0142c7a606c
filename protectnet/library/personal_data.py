"""The library app's part of a person's data: resources and versions the account uploaded,
restricted resources the person is named on, access requests, staged uploads.
Found by `core.providers("personal_data")`."""

from protectnet.core.exports import iso

from . import staging
from .models import AccessRequest, Resource, ResourceVersion, StagedUpload

LABEL = "library"

MODELS = {
    "library.resource": "resources uploaded by the account, and those naming the person "
    "(TLP:RED audience), exported by title and marking; kept: they belong to the organisation, "
    "`created_by` points to the disabled account; a withdrawal reason names no one",
    "library.resourceversion": "versions uploaded exported; the note is about the document",
    "library.accessrequest": "exported; erased: the reason and the owner's decision note "
    "cleared, status kept",
    "library.stagedupload": "exported by file name; erased: deleted with their bytes",
}

EXEMPT = {
    "library.language": "language names",
    "library.topic": "topic names",
    "library.versionfile": "a published file's name and text, about the document",
    "library.searchdocument": "a published resource's text, for search",
    "library.searchchunk": "index words of a published resource's title and text",
}


def _resource(r: Resource) -> dict:
    return {
        "id": r.pk,
        "title": r.title,
        "marking": r.marking,
        "published_on": iso(r.published_on),
    }


def export(*, person, user) -> dict:
    data: dict = {}
    if user is not None:
        uploaded = Resource.objects.filter(created_by=user).only("title", "marking", "published_on")
        versions = ResourceVersion.objects.filter(created_by=user).select_related("resource")
        requests = AccessRequest.objects.filter(requester=user).select_related("resource")
        staged = StagedUpload.objects.filter(owner=user)
        data["resources_uploaded"] = [_resource(r) for r in uploaded]
        data["versions_uploaded"] = [
            {
                "resource": v.resource.title,
                "number": v.number,
                "note": v.note,
                "created_at": iso(v.created_at),
            }
            for v in versions
        ]
        data["access_requests"] = [
            {
                "resource": a.resource.title,
                "reason": a.reason,
                "status": a.status,
                "decision_note": a.decision_note,
                "created_at": iso(a.created_at),
            }
            for a in requests
        ]
        data["staged_uploads"] = [
            {"file": s.original_name, "created_at": iso(s.created_at)} for s in staged
        ]
    if person is not None:
        named = Resource.objects.filter(named_people=person).only(
            "title", "marking", "published_on"
        )
        data["resources_naming_you"] = [_resource(r) for r in named]
    return data


def erase(*, person, user, actor) -> None:
    if user is not None:
        AccessRequest.objects.filter(requester=user).update(reason="", decision_note="")
        staging.discard(list(StagedUpload.objects.filter(owner=user)))
    if person is not None:
        AccessRequest.objects.filter(requester_person=person).update(reason="", decision_note="")
