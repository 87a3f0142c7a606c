"""What the workshops resources share: paging, and how a refused write answers (422)."""

from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.responses import Status

from protectnet.api.terminology import FindingOut
from protectnet.terminology.forms import CONFIRM_FIELD

MAX_LIMIT = 100
TEXT = 5000
TAGS = ["workshops"]


class Paging(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=100_000)


class InvalidOut(Schema):
    detail: str
    code: str
    errors: list[dict[str, list[str]]]
    findings: dict[str, list[FindingOut]] = {}


def refusal(form) -> Status | None:
    """None when the form is valid, else the 422 answer: field messages and language notes.

    A blocking language note answers with code "terminology" and the findings; the same call
    with `terminology_confirmed: true` saves."""
    if form.is_valid():
        return None
    findings = getattr(form, "terminology_findings", {})
    blocking = any(f.blocking for items in findings.values() for f in items)
    errors = {name: list(messages) for name, messages in form.errors.items()}
    if blocking and not form.cleaned_data.get(CONFIRM_FIELD):
        body = {
            "detail": _(
                "The text uses discouraged terms: review the findings, or send "
                "terminology_confirmed: true to save anyway."
            ),
            "code": "terminology",
            "errors": [errors],
            "findings": {k: [f.to_dict() for f in v] for k, v in findings.items()},
        }
    else:
        body = {"detail": _("The data is not valid."), "code": "invalid", "errors": [errors]}
    return Status(422, body)


def field_error(name: str, message: str):
    """A refusal on one field: the API's ValidationError handler answers it as 422."""
    from django.core.exceptions import ValidationError

    return ValidationError({name: [message]})
