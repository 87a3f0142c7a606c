"""The demo library: about 60 resources, every marking, four languages, idempotent."""

import pytest

from protectnet.demo import library as demo
from protectnet.library.models import ExtractionStatus, Resource, VersionFile
from protectnet.library.search import search
from tests import factories as f


@pytest.mark.slow
def test_demo_builds_a_searchable_multilingual_library_once(world):
    f.make_admin("admin@protectnet.test", org=world.uk_agency)
    f.make_le_vetted(world.kh_police, "le.kh@protectnet.test")
    demo.load()
    count = Resource.objects.count()
    assert 50 <= count <= 70
    assert set(Resource.objects.values_list("marking", flat=True)) == {
        "CLEAR",
        "GREEN",
        "AMBER",
        "AMBER_STRICT",
        "RED",
    }
    assert Resource.objects.filter(listed_when_restricted=True).exists()
    languages = set(Resource.objects.values_list("languages__code", flat=True))
    assert {"en", "km", "th", "vi"} <= languages
    assert not VersionFile.objects.exclude(extraction_status=ExtractionStatus.DONE).exists()
    # Words inside the generated files are found, in Thai and in Vietnamese without diacritics.
    admin = f.UserFactory(email="admin@protectnet.test")
    assert search(admin, "dieu tra").total > 0
    assert search(admin, "หลักฐาน").total > 0
    demo.load()
    assert Resource.objects.count() == count
