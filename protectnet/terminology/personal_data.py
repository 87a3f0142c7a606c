"""The terminology app stores who last changed a term. Found by `core.providers`."""

from .models import Term

LABEL = "terminology"

MODELS = {
    "terminology.term": "terms last changed by the account exported by label; kept: "
    "`updated_by` points to the disabled account, the terms are the network's",
}


def export(*, person, user) -> dict:
    if user is None:
        return {}
    terms = Term.objects.filter(updated_by=user).only("label", "updated_at")
    return {"terms_changed": [{"term": t.label, "at": t.updated_at.isoformat()} for t in terms]}


def erase(*, person, user, actor) -> None:
    """Nothing to clear: a term names no one, and the account is disabled and renamed."""
