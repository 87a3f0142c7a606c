"""The shipped list as the initial data: runs once; later edits happen in the product."""

from django.db import migrations


def load(apps, schema_editor):
    from protectnet.terminology.data import load_terms

    load_terms(apps.get_model("terminology", "Term"))


class Migration(migrations.Migration):
    dependencies = [("terminology", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
