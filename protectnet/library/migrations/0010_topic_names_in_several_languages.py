"""A topic's name may be given in every language of the site (django-modeltranslation, as a
resource's title): one column per language. The names written so far are the English originals.

Back: the base column becomes the only name again, so it takes the English original: saved while
another language was active, django-modeltranslation had left that language's name there."""

from django.db import migrations, models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf


def copy_originals(apps, schema_editor):
    apps.get_model("library", "Topic").objects.update(name_en=F("name"))


def restore(apps, schema_editor):
    apps.get_model("library", "Topic").objects.update(
        name=Coalesce(NullIf(F("name_en"), Value("")), F("name"))
    )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0009_search_rum_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="topic",
            name="name_en",
            field=models.CharField(max_length=128, null=True),
        ),
        migrations.AddField(
            model_name="topic",
            name="name_fil",
            field=models.CharField(max_length=128, null=True),
        ),
        migrations.AddField(
            model_name="topic",
            name="name_hi",
            field=models.CharField(max_length=128, null=True),
        ),
        migrations.AddField(
            model_name="topic",
            name="name_km",
            field=models.CharField(max_length=128, null=True),
        ),
        migrations.AddField(
            model_name="topic",
            name="name_lo",
            field=models.CharField(max_length=128, null=True),
        ),
        migrations.AddField(
            model_name="topic",
            name="name_my",
            field=models.CharField(max_length=128, null=True),
        ),
        migrations.AddField(
            model_name="topic",
            name="name_th",
            field=models.CharField(max_length=128, null=True),
        ),
        migrations.AddField(
            model_name="topic",
            name="name_vi",
            field=models.CharField(max_length=128, null=True),
        ),
        migrations.AddField(
            model_name="topic",
            name="name_zh_hant",
            field=models.CharField(max_length=128, null=True),
        ),
        migrations.RunPython(copy_originals, restore),
    ]
