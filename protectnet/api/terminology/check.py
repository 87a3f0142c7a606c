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
    language: str = Field("en", description="The language of the term list the term is from.")


class CheckedNameOut(Schema):
    code: str
    name: str


class CheckOut(Schema):
    count: int
    findings: list[FindingOut]
    languages_checked: list[CheckedNameOut] = Field(
        ..., description="The languages whose term lists apply to the scripts of the text."
    )
    scripts_found: list[CheckedNameOut] = Field(
        ..., description="The scripts the text is written in."
    )


@router.post("/terminology/check", response=CheckOut, summary="Find discouraged terms in a text")
@requires("terminology.check")
def terminology_text_check(request, payload: CheckIn):
    result = services.check_report(payload.text, include_info=payload.include_info)
    return CheckOut(
        count=len(result.findings),
        findings=[f.to_dict() for f in result.findings],
        languages_checked=[vars(n) for n in result.languages],
        scripts_found=[vars(n) for n in result.scripts],
    )
