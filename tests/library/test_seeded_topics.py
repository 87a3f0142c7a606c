"""The topics every library starts with use the network's preferred terminology."""

import pytest

from protectnet.library.models import Topic
from protectnet.terminology.services import check_text

pytestmark = pytest.mark.django_db


def test_the_offenders_topic_uses_the_preferred_term():
    assert Topic.objects.get(slug="travelling-offenders").name == (
        "Transnational child sex offenders"
    )


def test_no_seeded_topic_name_uses_a_term_to_avoid():
    flagged = {t.name: check_text(t.name) for t in Topic.objects.all()}
    assert {name: found for name, found in flagged.items() if found} == {}
