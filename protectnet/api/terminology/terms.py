"""The list of discouraged terms, for writers' reference."""

from ninja import Router, Schema

from protectnet.access.routes import requires
from protectnet.terminology import selectors

router = Router()


class TermOut(Schema):
    id: int
    label: str
    language: str
    variants: list[str]
    preferred: list[str]
    reason: str
    exceptions: str
    severity: str
    context: str


@router.get("/terminology/terms", response=list[TermOut], summary="The list of terms")
@requires("terminology.term.view")
def terminology_term_list(request):
    return [
        TermOut(
            id=t.pk,
            label=t.label,
            language=t.language,
            variants=t.variant_list,
            preferred=t.preferred_list,
            reason=t.reason,
            exceptions=t.exceptions,
            severity=t.severity,
            context=t.context,
        )
        for t in selectors.term_list(user=request.user)
    ]
