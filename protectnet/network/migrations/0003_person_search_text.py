from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0002_meeting_tlp_importbatch"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="search_text",
            field=models.TextField(blank=True, editable=False),
        ),
    ]
