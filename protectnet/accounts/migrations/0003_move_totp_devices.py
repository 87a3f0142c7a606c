"""Move every authenticator from django-otp's plain `otp_totp` table into accounts.TOTPDevice,
where the seed is encrypted. The seeds themselves do not change: nobody has to enrol again (a
signed-in session asks for a code once more, since the device it remembered has moved).

The old table is emptied, not dropped: it belongs to django-otp's own migrations. Reversing puts
the devices back, with their seeds in plain hex as django-otp expects.
"""

from django.db import migrations

LEGACY = "otp_totp_totpdevice"
COLUMNS = (
    "user_id",
    "name",
    "confirmed",
    "key",
    "step",
    "t0",
    "digits",
    "tolerance",
    "drift",
    "last_t",
    "throttling_failure_timestamp",
    "throttling_failure_count",
    "created_at",
    "last_used_at",
)


def _legacy_table_exists(connection) -> bool:
    with connection.cursor() as cursor:
        return LEGACY in connection.introspection.table_names(cursor)


def forward(apps, schema_editor):
    connection = schema_editor.connection
    if not _legacy_table_exists(connection):
        return
    device = apps.get_model("accounts", "TOTPDevice")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(COLUMNS)} FROM {LEGACY} ORDER BY id")  # noqa: S608
        rows = cursor.fetchall()
        for row in rows:
            values = dict(zip(COLUMNS, row, strict=True))
            moved = device.objects.create(**values)
            # created_at is auto_now_add: put the enrolment time back.
            device.objects.filter(pk=moved.pk).update(created_at=values["created_at"])
        cursor.execute(f"DELETE FROM {LEGACY}")  # noqa: S608


def backward(apps, schema_editor):
    connection = schema_editor.connection
    if not _legacy_table_exists(connection):
        return
    device = apps.get_model("accounts", "TOTPDevice")
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    with connection.cursor() as cursor:
        for values in device.objects.order_by("pk").values_list(*COLUMNS):
            cursor.execute(
                f"INSERT INTO {LEGACY} ({', '.join(COLUMNS)}) VALUES ({placeholders})",  # noqa: S608
                list(values),
            )
    device.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_totpdevice")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
