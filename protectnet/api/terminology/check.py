"""Checking a text for discouraged terms (nothing is stored)."""

from ninja import Field, Router, Schema

from protectnet.access.routes import requires
from protectnet.terminology import services

router = Router()

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


@router.post("/terminology/check", response=CheckOut, summary="Find discouraged terms in a text")
@requires("terminology.check")
def terminology_text_check(request, payload: CheckIn):
    findings = services.check_text(payload.text, include_info=payload.include_info)
    return CheckOut(count=len(findings), findings=[f.to_dict() for f in findings])
