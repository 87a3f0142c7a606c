from django.db import migrations, models
from django.db.models.expressions import CombinedExpression


class Migration(migrations.Migration):
    """The secretariat's findings list reads the few resources with findings from an index of
    their own, in the list's order, instead of every resource the admin may read."""

    dependencies = [
        ("library", "0007_offenders_topic_preferred_term"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="resource",
            index=models.Index(
                models.OrderBy(
                    CombinedExpression(
                        models.F("summary_findings"), "+", models.F("text_findings")
                    ),
                    descending=True,
                ),
                models.OrderBy(models.F("published_on"), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                condition=models.Q(
                    ("summary_findings__gt", 0), ("text_findings__gt", 0), _connector="OR"
                ),
                name="library_resource_findings_idx",
            ),
        ),
    ]
