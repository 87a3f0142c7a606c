"""A resource's languages and topics are named in the reader's language on every page and in
the API: languages from CLDR (through ICU), topics from their translations (the English name
where a topic has none), and lists of them in the reader's alphabetical order."""

import re

import icu
import pytest
from django.conf import settings
from django.db import connection

from protectnet.core import multilingual
from protectnet.library.models import Topic
from tests import factories as f

from .conftest import make_resource

KHMER_READER = {"HTTP_ACCEPT_LANGUAGE": "km"}
THAI_IN_KHMER = "ថៃ"  # CLDR's Khmer name of Thai


@pytest.fixture
def thai_guide(world):
    """A Thai-language resource on prevention (a seeded topic)."""
    return make_resource(
        world.kh_ngo, title="Lantern guide", text="lantern", language="th", topic="prevention"
    )


def _prevention(lang: str) -> str:
    return getattr(Topic.objects.get(slug="prevention"), multilingual.column("name", lang))


def test_the_seeded_topics_have_a_name_in_every_language():
    for topic in Topic.objects.all():
        for lang, _name in settings.LANGUAGES:
            assert getattr(topic, multilingual.column("name", lang)), (topic.slug, lang)


def test_a_khmer_reader_sees_khmer_names_in_the_results_and_filters(world, login, thai_guide):
    page = login(f.speaks(world.kh_member, "km")).get("/library/").content.decode()
    results = page.split('<section aria-labelledby="results-heading">')[1]
    filters = page.split('<div id="facet-list">')[1].split("</aside>")[0]
    assert THAI_IN_KHMER in results and "Thai" not in results
    assert THAI_IN_KHMER in filters and ">Thai<" not in filters
    assert _prevention("km") in filters and "Prevention" not in filters


def test_a_khmer_reader_sees_khmer_names_on_the_resource(world, login, thai_guide):
    page = login(f.speaks(world.kh_member, "km")).get(f"/library/{thai_guide.pk}/").content.decode()
    facts = re.search(r"<dl>.*?</dl>", page, re.S).group(0)
    assert THAI_IN_KHMER in facts and "Thai" not in facts
    assert _prevention("km") in facts and "Prevention" not in facts


def test_an_english_reader_still_reads_english_names(world, login, thai_guide):
    page = login(world.kh_member).get(f"/library/{thai_guide.pk}/").content.decode()
    assert "<dd>Thai</dd>" in page and "<dd>Prevention</dd>" in page


def test_a_topic_an_admin_added_in_english_only_shows_in_english(world, login):
    Topic.objects.create(slug="referral", name_en="Referral pathways")
    resource = make_resource(world.kh_ngo, title="Lantern", topic="referral")
    page = login(f.speaks(world.kh_member, "km")).get(f"/library/{resource.pk}/").content.decode()
    assert "Referral pathways" in page


def test_the_form_offers_languages_and_topics_in_the_readers_language_and_order(world, login):
    page = login(f.speaks(world.kh_member, "km")).get("/library/new/").content.decode()
    collator = icu.Collator.createInstance(icu.Locale("km"))
    for name in ("languages", "topics"):
        labels = re.findall(
            rf'<label for="id_{name}_\d+"><input[^>]*name="{name}"[^>]*>\s*(.*?)</label>', page
        )
        assert labels and labels == sorted(labels, key=collator.getSortKey), name
    languages = re.findall(r'<input[^>]*name="languages"[^>]*>\s*(.*?)</label>', page)
    assert THAI_IN_KHMER in languages and "Thai" not in languages
    topics = re.findall(r'<input[^>]*name="topics"[^>]*>\s*(.*?)</label>', page)
    assert _prevention("km") in topics and "Prevention" not in topics


def test_the_api_names_facets_in_the_readers_language(world, api, thai_guide):
    response = api(world.kh_member).get("/api/v1/library/search", **KHMER_READER)
    facets = response.json()["facets"]
    assert {v["value"]: v["label"] for v in facets["language"]} == {"th": THAI_IN_KHMER}
    assert {v["value"]: v["label"] for v in facets["topic"]} == {"prevention": _prevention("km")}
    # The resource itself still names them by code and slug, which clients filter by.
    item = response.json()["items"][0]["resource"]
    assert (item["languages"], item["topics"]) == (["th"], ["prevention"])


def test_facets_with_the_same_count_follow_the_readers_alphabet(world, api):
    for language in ("en", "km", "th", "vi", "zh"):
        make_resource(world.kh_ngo, title="Lantern", language=language)
    facets = api(world.kh_member).get("/api/v1/library/search", {"q": ""}, **KHMER_READER)
    labels = [v["label"] for v in facets.json()["facets"]["language"]]
    collator = icu.Collator.createInstance(icu.Locale("km"))
    assert len(labels) == 5 and labels == sorted(labels, key=collator.getSortKey)


def _site_admin(world):
    world.admin.is_staff = world.admin.is_superuser = True
    world.admin.save(update_fields=["is_staff", "is_superuser"])
    return world.admin


def _base_name(slug: str) -> str:
    """The topic's base column, which django-modeltranslation fills with the saver's language
    unless told otherwise (and which a reversed migration leaves as the only name)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM library_topic WHERE slug = %s", [slug])
        return cursor.fetchone()[0]


def test_the_admin_adds_a_topic_with_its_name_in_other_languages(world, login):
    client = login(_site_admin(world))
    add = client.get("/admin/library/topic/add/").content.decode()
    assert 'name="name_en"' in add and 'name="name_km"' in add and 'name="name"' not in add
    response = client.post(
        "/admin/library/topic/add/",
        {"name_en": "Referral pathways", "name_km": "ផ្លូវបញ្ជូនបន្ត", "slug": "referral"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    topic = Topic.objects.get(slug="referral")
    assert (topic.name_en, topic.name_km, topic.name_th) == (
        "Referral pathways",
        "ផ្លូវបញ្ជូនបន្ត",
        None,
    )


def test_a_topic_an_admin_adds_while_reading_thai_keeps_its_english_name_underneath(world, login):
    client = login(f.speaks(_site_admin(world), "th"))
    response = client.post(
        "/admin/library/topic/add/",
        {"name_en": "Referral pathways", "name_th": "เส้นทางการส่งต่อ", "slug": "referral"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert _base_name("referral") == "Referral pathways"


def test_a_topic_an_admin_renames_while_reading_khmer_keeps_its_english_name_underneath(
    world, login
):
    topic = Topic.objects.get(slug="prevention")
    client = login(f.speaks(_site_admin(world), "km"))
    response = client.post(
        f"/admin/library/topic/{topic.pk}/change/",
        {"name_en": "Prevention", "name_km": "ការទប់ស្កាត់", "slug": "prevention"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Topic.objects.get(pk=topic.pk).name_km == "ការទប់ស្កាត់"
    assert _base_name("prevention") == "Prevention"


def test_a_topic_renamed_in_khmer_in_the_admin_shows_at_once_in_the_khmer_filters(
    world, login, thai_guide
):
    def filters() -> str:
        page = reader.get("/library/").content.decode()
        return page.split('<div id="facet-list">')[1].split("</aside>")[0]

    reader = login(f.speaks(world.kh_member, "km"))
    seeded = _prevention("km")
    assert seeded in filters()  # counted, and kept until the library changes
    topic = Topic.objects.get(slug="prevention")
    response = login(_site_admin(world)).post(
        f"/admin/library/topic/{topic.pk}/change/",
        {"name_en": "Prevention", "name_km": "ការទប់ស្កាត់", "slug": "prevention"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    shown = filters()
    assert "ការទប់ស្កាត់" in shown and seeded not in shown
