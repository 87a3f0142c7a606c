"""Step 1 of 3 of encrypting the sensitive registration fields: make every column text, since a
Fernet token is longer than the value it hides and a date becomes an encrypted ISO date."""

from django.db import migrations, models

TEXT = (
    "passport_full_name",
    "passport_number",
    "passport_nationality",
    "emergency_contact_name",
    "emergency_contact_phone",
    "arrival_details",
    "departure_details",
)
DATES = ("passport_expiry", "date_of_birth")


class Migration(migrations.Migration):
    dependencies = [("workshops", "0002_registration_feedback_invited_at")]

    operations = [
        *[
            migrations.AlterField(
                model_name="registration", name=name, field=models.TextField(blank=True)
            )
            for name in TEXT
        ],
        *[
            migrations.AlterField(
                model_name="registration",
                name=name,
                field=models.TextField(blank=True, null=True),
            )
            for name in DATES
        ],
    ]
