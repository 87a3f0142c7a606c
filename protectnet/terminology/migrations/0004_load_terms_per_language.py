"""The term lists of the other languages of the network: runs once; the English terms already
loaded by 0002 are now English (the field's default) and are not touched."""

from django.db import migrations


def load(apps, schema_editor):
    from protectnet.terminology.data import load_terms

    load_terms(apps.get_model("terminology", "Term"))


class Migration(migrations.Migration):
    dependencies = [("terminology", "0003_term_language")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
