"""The topics every library starts with use the network's preferred terminology, in English and
in every language they are translated into; the migrations that name them in every language
keep an admin's names and, reversed, leave every topic its English name."""

from importlib import import_module

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from protectnet.core import multilingual
from protectnet.library.models import Language, Topic
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


LIBRARY = "library"
BEFORE_LANGUAGES = (LIBRARY, "0009_search_rum_index")
LANGUAGES_ADDED = (LIBRARY, "0010_topic_names_in_several_languages")
NAMES_FILLED = (LIBRARY, "0011_seeded_topic_names_translated")


def _migrate(*targets) -> None:
    MigrationExecutor(connection).migrate(list(targets))


def _sql(sql: str, params=()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _names(slug: str, *columns: str) -> tuple:
    # Column names come from the tests below, never from input.
    query = f"SELECT {', '.join(columns)} FROM library_topic WHERE slug = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(query, [slug])
        return cursor.fetchone()


@pytest.mark.django_db(transaction=True)
def test_the_migrations_fill_empty_languages_keep_an_admins_names_and_reverse_to_english():
    names = import_module("protectnet.library.migrations.0011_seeded_topic_names_translated").NAMES
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        _migrate(BEFORE_LANGUAGES)
        _sql(
            "UPDATE library_topic SET name = %s WHERE slug = %s",
            ["Prevention of abuse", "prevention"],
        )
        _migrate(LANGUAGES_ADDED)
        _sql("UPDATE library_topic SET name_km = %s WHERE slug = %s", ["ការអប់រំ", "education"])
        _migrate(NAMES_FILLED)
        # A topic an admin renamed gets no draft names; a name an admin gave stays; empty
        # languages are filled.
        assert _names("prevention", "name_en", "name_km", "name_th") == (
            "Prevention of abuse",
            None,
            None,
        )
        assert _names("education", "name_km", "name_th") == ("ការអប់រំ", names["education"]["th"])
        # Saved before the admin kept it English: the base column holds the saver's language.
        _sql("UPDATE library_topic SET name = name_km WHERE slug = %s", ["cooperation"])
        _sql("UPDATE library_topic SET name = name_th WHERE slug = %s", ["digital-evidence"])
        _migrate(BEFORE_LANGUAGES)
        assert _names("cooperation", "name") == ("International cooperation",)
        assert _names("digital-evidence", "name") == ("Digital evidence",)
        assert _names("prevention", "name") == ("Prevention of abuse",)
    finally:
        _migrate(*leaves)


@pytest.mark.django_db(transaction=True)
def test_seeded_rows_a_transactional_test_emptied_come_back_as_the_migrations_left_them():
    """A transactional test empties every table; the suite puts the seeded rows back (conftest's
    _ensure_reference_rows) with their names in every language, as the migrations wrote them."""
    from tests.conftest import _ensure_reference_rows

    names = import_module("protectnet.library.migrations.0011_seeded_topic_names_translated").NAMES
    Topic.objects.all().delete()
    Language.objects.all().delete()
    _ensure_reference_rows()
    found = {
        topic.slug: {lang: getattr(topic, f"name_{lang}") for lang in names[topic.slug]}
        for topic in Topic.objects.all()
    }
    assert found == names
