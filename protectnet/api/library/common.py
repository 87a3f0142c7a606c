"""What the library API modules share: the resource and version rows, upload errors."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from ninja import Field, Schema
from ninja.errors import HttpError

from protectnet.core import multilingual

MAX_LIMIT = 100


class OrganisationRef(Schema):
    id: int
    name: str


class ResourceOut(Schema):
    id: int
    title: str
    summary: str
    resource_type: str
    marking: str
    owner_organisation: OrganisationRef
    languages: list[str]
    countries: list[str]
    topics: list[str]
    published_on: date
    review_date: date | None
    # Set only in answers to the owning organisation and admins: nobody else sees such items.
    withdrawn_at: datetime | None
    translations: dict[str, dict[str, str]] = Field(..., description=multilingual.TRANSLATIONS_HELP)


class FileOut(Schema):
    id: int
    name: str
    kind: str
    size: int
    extraction_status: str
    download_url: str


class VersionOut(Schema):
    number: int
    is_current: bool
    link: str
    note: str
    files: list[FileOut]


class ResourceDetailOut(ResourceOut):
    versions: list[VersionOut]


class ErrorOut(Schema):
    detail: str
    code: str


UPLOAD_ERRORS = {413: ErrorOut, 415: ErrorOut}
# Files are checked by content: the schema names the accepted types so clients (and schema
# fuzzers) send documents, not arbitrary bytes.
ACCEPTED_TYPES = ", ".join(
    [
        "application/pdf",
        "text/plain",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ]
)
UPLOAD_EXTRA = {
    "requestBody": {
        "content": {"multipart/form-data": {"encoding": {"files": {"contentType": ACCEPTED_TYPES}}}}
    }
}


def resource_out(r) -> dict:
    return {
        "id": r.pk,
        "title": r.title,
        "summary": r.summary,
        "resource_type": r.resource_type,
        "marking": r.marking,
        "owner_organisation": {"id": r.owner_organisation_id, "name": r.owner_organisation.name},
        "languages": [x.code for x in r.languages.all()],
        "countries": [str(x.code) for x in r.countries.all()],
        "topics": [x.slug for x in r.topics.all()],
        "published_on": r.published_on,
        "review_date": r.review_date,
        "withdrawn_at": r.withdrawn_at,
        "translations": multilingual.every_version(r, ("title", "summary")),
    }


def version_out(v) -> dict:
    return {
        "number": v.number,
        "is_current": v.is_current,
        "link": v.link,
        "note": v.note,
        "files": [
            {
                "id": f.pk,
                "name": f.original_name,
                "kind": f.kind,
                "size": f.size,
                "extraction_status": f.extraction_status,
                "download_url": f"/api/v1/library/files/{f.pk}/download",
            }
            for f in v.files.all()
        ],
    }


def split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def uploading(service, **kwargs):
    """Refused files answer 415 (type) or 413 (size), with the same message as the pages."""
    try:
        return service(**kwargs)
    except ValidationError as exc:
        status = {"file_refused": 415, "file_too_large": 413}.get(getattr(exc, "code", None))
        if status:
            raise HttpError(status, " ".join(exc.messages)) from exc
        raise
