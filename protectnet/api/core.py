from ninja import Router, Schema

from protectnet.access.principal import principal_for
from protectnet.access.routes import requires
from protectnet.network import services

router = Router(tags=["account"])

# Operation ids as they were published -> as they are now (see api.api.RENAMED).
RENAMED = {"me": "me_get", "me_data": "me_data_get"}


class MeOut(Schema):
    id: int
    email: str
    display_name: str
    person_id: int | None
    roles: list[str]
    organisation_ids: list[int]


@router.get("/me", response=MeOut, summary="The account that owns the token")
@requires("api.me")
def me_get(request):
    p = principal_for(request.user)
    return MeOut(
        id=request.user.pk,
        email=request.user.email,
        display_name=str(request.user),
        person_id=p.person_id,
        roles=sorted(p.roles),
        organisation_ids=sorted(p.organisation_ids),
    )


@router.get(
    "/me/data",
    response=dict,
    summary="Everything stored about the account that owns the token, every app's part",
)
@requires("network.personal_data.view")
def me_data_get(request):
    """The same export as the "My data" download (no id: only the token's own account)."""
    return services.personal_data_download(user=request.user, via="api")
