"""Key rotation: re-encrypt every stored token under the newest key in FIELD_ENCRYPTION_KEYS.

Two kinds of token are found: every encrypted model field (core.fields) of every installed
model, and the ciphertext columns an app declares in `protectnet.<app>.rotation.TOKEN_COLUMNS`
(model -> column names; used by the alerts, which encrypt explicitly). A token the newest key
already opens is left alone, so a second run changes nothing, and a run stopped half-way can
simply be started again. Each batch of rows is its own transaction.
"""

from collections import defaultdict

from django.apps import apps
from django.db import models, transaction
from django.db.models.functions import Cast

from protectnet.access import audit

from . import crypto
from .fields import EncryptedMixin
from .providers import providers

BATCH = 200


def _declared_columns() -> dict[type[models.Model], tuple[str, ...]]:
    found = {}
    for module in providers("rotation"):
        found.update(getattr(module, "TOKEN_COLUMNS", {}))
    return found


def token_columns() -> dict[type[models.Model], tuple[str, ...]]:
    """Every model holding tokens, with the columns that hold them."""
    columns = defaultdict(tuple)
    for model in apps.get_models():
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedMixin)]
        if fields:
            columns[model] += tuple(fields)
    for model, names in _declared_columns().items():
        columns[model] += tuple(names)
    return dict(columns)


def _raw(model, name: str):
    """The stored token itself: an encrypted field read as plain text, not decrypted."""
    field = model._meta.get_field(name)
    return Cast(name, models.TextField()) if isinstance(field, EncryptedMixin) else models.F(name)


def _stored(model, name: str, token):
    field = model._meta.get_field(name)
    return (
        models.Value(token, output_field=models.TextField())
        if isinstance(field, EncryptedMixin)
        else token
    )


def _rotate(model, name: str, pk, token):
    try:
        if isinstance(token, (bytes, memoryview)):
            return crypto.rotate_bytes(bytes(token))
        return crypto.rotate_text(token)
    except crypto.UndecryptableContent as exc:
        raise crypto.UndecryptableContent(
            f"{model._meta.label}.{name} of row {pk}: no key in FIELD_ENCRYPTION_KEYS opens it."
            " List every key still in use (newest first) and run again."
        ) from exc


def _rotate_batch(model, names, pks) -> int:
    changed = 0
    raw = {f"raw_{n}": _raw(model, n) for n in names}
    with transaction.atomic():
        rows = model._base_manager.filter(pk__in=pks).select_for_update().annotate(**raw)
        for pk, *tokens in rows.values_list("pk", *raw):
            stale = {
                n: _stored(model, n, _rotate(model, n, pk, t))
                for n, t in zip(names, tokens, strict=True)
                if not crypto.is_current(t)
            }
            if stale:
                model._base_manager.filter(pk=pk).update(**stale)
                changed += 1
    return changed


def rotate_model(model, names, *, batch: int = BATCH) -> int:
    pks = list(model._base_manager.order_by("pk").values_list("pk", flat=True))
    return sum(_rotate_batch(model, names, pks[i : i + batch]) for i in range(0, len(pks), batch))


def rotate_all(*, batch: int = BATCH) -> dict[str, dict[str, int]]:
    """Rows re-encrypted, per app and model; one audit entry per app whose rows changed."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for model, names in token_columns().items():
        counts[model._meta.app_label][model._meta.model_name] = rotate_model(
            model, names, batch=batch
        )
    for app_label, per_model in counts.items():
        if any(per_model.values()):
            # "rows" too: the audit log masks names that look secret ("totpdevice").
            rows = sum(per_model.values())
            audit.record(f"{app_label}.keys.rotate", data={**per_model, "rows": rows})
    return dict(counts)
