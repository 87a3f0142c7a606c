"""API operations on a resource's versions and their files."""

from ninja import Field, File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from protectnet.access.routes import requires
from protectnet.api.auth import OptionalTokenAuth
from protectnet.library import selectors, services
from protectnet.library.views.resources import attachment

from .common import UPLOAD_ERRORS, UPLOAD_EXTRA, VersionOut, uploading, version_out

router = Router()


class VersionIn(Schema):
    link: str = Field("", max_length=1000)
    note: str = Field("", max_length=300)


@router.get(
    "/library/resources/{resource_id}/versions",
    response=list[VersionOut],
    auth=OptionalTokenAuth(),
    summary="Versions of a resource, newest first",
)
@requires("library.resource.view")
def library_version_list(request, resource_id: int):
    resource = selectors.resource_get(user=request.user, pk=resource_id, request=request)
    return [version_out(v) for v in resource.versions.all()]


@router.post(
    "/library/resources/{resource_id}/versions",
    response={201: VersionOut, **UPLOAD_ERRORS},
    openapi_extra=UPLOAD_EXTRA,
    summary="Publish a new version",
)
@requires("library.resource.change")
def library_version_create(
    request, resource_id: int, payload: Form[VersionIn], files: File[list[UploadedFile]] = None
):
    resource = selectors.resource_for_change(user=request.user, pk=resource_id)
    version = uploading(
        services.version_create,
        actor=request.user,
        resource=resource,
        files=files or [],
        link=payload.link,
        note=payload.note,
    )
    return Status(201, version_out(version))


@router.get(
    "/library/files/{file_id}/download",
    auth=OptionalTokenAuth(),
    summary="Download a file (attachment)",
)
@requires("library.resource.view")
def library_file_download(request, file_id: int):
    file = selectors.file_for_download(user=request.user, pk=file_id, request=request)
    return attachment(file)
