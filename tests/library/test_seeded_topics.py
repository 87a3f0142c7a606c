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
