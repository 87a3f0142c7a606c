"""Step 2 of 3: encrypt the sensitive fields of existing registrations (reversible)."""

from django.db import migrations

from protectnet.core.encryption_migrations import encrypt_columns

COLUMNS = (
    "dietary_needs",
    "accessibility_needs",
    "passport_full_name",
    "passport_number",
    "passport_nationality",
    "passport_expiry",
    "date_of_birth",
    "emergency_contact_name",
    "emergency_contact_phone",
    "arrival_details",
    "departure_details",
)


class Migration(migrations.Migration):
    dependencies = [("workshops", "0003_registration_sensitive_fields_as_text")]

    operations = [encrypt_columns("workshops", "registration", COLUMNS)]
