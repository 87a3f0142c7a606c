"""Data migrations that move existing plain values into encrypted columns, and back.

Used while the columns are still plain text fields in the migration state (so the historical
model reads and writes exactly what is stored); a later migration switches them to the
encrypted field classes, which changes no column.
"""

from django.db import migrations

from . import crypto

BATCH = 500


def _convert(apps, app_label: str, model_name: str, columns: tuple[str, ...], change) -> None:
    model = apps.get_model(app_label, model_name)
    rows = model._base_manager.values_list("pk", *columns).order_by("pk")
    for pk, *values in rows.iterator(chunk_size=BATCH):
        changed = {c: change(v) for c, v in zip(columns, values, strict=True) if v}
        if changed:
            model._base_manager.filter(pk=pk).update(**changed)


def encrypt_columns(app_label: str, model_name: str, columns: tuple[str, ...]):
    """A RunPython that encrypts every non-empty value (empty stays empty) and, reversed,
    decrypts them again."""

    def forward(apps, schema_editor):
        _convert(apps, app_label, model_name, columns, lambda v: crypto.encrypt_text(str(v)))

    def backward(apps, schema_editor):
        _convert(apps, app_label, model_name, columns, crypto.decrypt_text)

    return migrations.RunPython(forward, backward, elidable=False)
