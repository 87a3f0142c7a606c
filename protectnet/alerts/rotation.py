"""Re-encrypt every stored alert token under the newest key (MultiFernet.rotate)."""

from django.db import transaction

from protectnet.access import audit

from . import crypto
from .models import Alert, AlertAttachment, AlertReply

TEXT_COLUMNS = [
    (Alert, ("subject_ciphertext", "summary_ciphertext")),
    (AlertReply, ("body_ciphertext",)),
    (AlertAttachment, ("name_ciphertext",)),
]


def _rotate_rows(model, columns) -> int:
    count = 0
    rows = model.objects.values_list("pk", *columns).order_by("pk")
    for pk, *tokens in rows.iterator(chunk_size=500):
        model.objects.filter(pk=pk).update(
            **{c: crypto.rotate_text(t) for c, t in zip(columns, tokens, strict=True)}
        )
        count += 1
    return count


def rotate_all() -> dict[str, int]:
    """One transaction: either every token moves to the newest key or none does."""
    counts = {}
    with transaction.atomic():
        for model, columns in TEXT_COLUMNS:
            counts[model._meta.model_name] = _rotate_rows(model, columns)
        files = AlertAttachment.objects.values_list("pk", "content_ciphertext").order_by("pk")
        for pk, token in files.iterator(chunk_size=20):
            AlertAttachment.objects.filter(pk=pk).update(
                content_ciphertext=crypto.rotate_bytes(token)
            )
        audit.record("alerts.keys.rotate", data=counts)
    return counts
