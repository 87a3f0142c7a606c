"""API operations for the terminology app (see access/rules.py for who may call each one)."""

from ninja import Field, Router, Schema

from protectnet.terminology import selectors, services

router = Router(tags=["terminology"])

MAX_TEXT = 500_000  # characters; about 150 pages


class CheckIn(Schema):
    text: str = Field(..., max_length=MAX_TEXT, description="The text to check (not stored).")
    include_info: bool = Field(False, description="Also return informational notes.")


class FindingOut(Schema):
    start: int = Field(..., description="Offset of the first character, in Unicode code points.")
    end: int = Field(..., description="Offset after the last character: text[start:end].")
    matched: str
    term: str
    preferred: list[str]
    reason: str
    exceptions: str
    severity: str = Field(..., description="avoid | use_with_care | info (lowered when quoted)")
    quoted: bool = Field(..., description="Inside quotation marks or the title of a law/treaty.")


class CheckOut(Schema):
    count: int
    findings: list[FindingOut]


class TermOut(Schema):
    id: int
    label: str
    variants: list[str]
    preferred: list[str]
    reason: str
    exceptions: str
    severity: str
    context: str


@router.post("/terminology/check", response=CheckOut, summary="Find discouraged terms in a text")
def terminology_check(request, payload: CheckIn):
    findings = services.check_text(payload.text, include_info=payload.include_info)
    return CheckOut(count=len(findings), findings=[f.to_dict() for f in findings])


@router.get("/terminology/terms", response=list[TermOut], summary="The list of terms")
def terminology_term_list(request):
    return [
        TermOut(
            id=t.pk,
            label=t.label,
            variants=t.variant_list,
            preferred=t.preferred_list,
            reason=t.reason,
            exceptions=t.exceptions,
            severity=t.severity,
            context=t.context,
        )
        for t in selectors.term_list(user=request.user)
    ]
