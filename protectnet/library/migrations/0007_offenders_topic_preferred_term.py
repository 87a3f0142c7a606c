"""The seeded topic takes the network's preferred term ("transnational child sex offenders",
docs/glossary.csv); its slug, and so every link and filter, stays as it was."""

from django.db import migrations

SLUG = "travelling-offenders"
OLD, NEW = "Transnational child sexual offenders", "Transnational child sex offenders"


def rename(old: str, new: str):
    def run(apps, schema_editor):
        # Only the seeded name changes: a name an admin has since chosen is theirs to keep.
        apps.get_model("library", "Topic").objects.filter(slug=SLUG, name=old).update(name=new)

    return run


class Migration(migrations.Migration):
    dependencies = [("library", "0006_texts_in_several_languages")]

    operations = [migrations.RunPython(rename(OLD, NEW), rename(NEW, OLD))]
