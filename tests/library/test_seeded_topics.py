"""The topics every library starts with use the network's preferred terminology, in English and
in every language they are translated into."""

import pytest
from django.conf import settings

from protectnet.core import multilingual
from protectnet.library.models import Topic
from protectnet.terminology.services import check_text

pytestmark = pytest.mark.django_db


def test_the_offenders_topic_uses_the_preferred_term():
    assert Topic.objects.get(slug="travelling-offenders").name == (
        "Transnational child sex offenders"
    )


def test_no_seeded_topic_name_uses_a_term_to_avoid_in_any_language():
    names = [
        getattr(topic, multilingual.column("name", lang))
        for topic in Topic.objects.all()
        for lang, _name in settings.LANGUAGES
    ]
    flagged = {name: check_text(name) for name in names if name}
    assert {name: found for name, found in flagged.items() if found} == {}


def test_the_migration_leaves_names_an_admin_chose_alone():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("protectnet.library.migrations.0011_seeded_topic_names_translated")
    renamed = {"name_en": "Prevention of abuse", "name_km": None, "name_th": None}
    Topic.objects.filter(slug="prevention").update(**renamed)
    Topic.objects.filter(slug="education").update(name_km="ការអប់រំ", name_th=None)
    migration.fill(apps, None)
    prevention, education = (Topic.objects.get(slug=s) for s in ("prevention", "education"))
    assert (prevention.name_km, prevention.name_th) == (None, None)
    assert education.name_km == "ការអប់រំ"  # the admin's name stays
    assert education.name_th == migration.NAMES["education"]["th"]  # an empty one is filled
