from ninja import Router, Schema

from protectnet.access.principal import principal_for

router = Router(tags=["account"])


class MeOut(Schema):
    id: int
    email: str
    display_name: str
    person_id: int | None
    roles: list[str]
    organisation_ids: list[int]


@router.get("/me", response=MeOut, summary="The account that owns the token")
def me(request):
    p = principal_for(request.user)
    return MeOut(
        id=request.user.pk,
        email=request.user.email,
        display_name=str(request.user),
        person_id=p.person_id,
        roles=sorted(p.roles),
        organisation_ids=sorted(p.organisation_ids),
    )
