"""Multilingual search: Khmer, Thai (no spaces), Vietnamese with or without diacritics, short
queries, ranking and highlighting. Runs on whichever database the suite uses (SQLite or
PostgreSQL), so both backends are proven by running the suite on both."""

import pytest

from protectnet.library.search import search

from .conftest import make_resource

# PostgreSQL: over the RUM index and over GIN alone (conftest.search_index).
pytestmark = pytest.mark.usefixtures("search_index")


@pytest.fixture
def texts(world):
    owner = world.kh_ngo
    return {
        "km": make_resource(owner, title="ឯកសារ", text="មគ្គុទ្ទេសក៍ការការពារកុមារតាមអ៊ីនធឺណិតសម្រាប់ប៉ូលីស"),
        "th": make_resource(owner, title="เอกสาร", text="คู่มือการคุ้มครองเด็กออนไลน์สำหรับตำรวจ"),
        "vi": make_resource(
            owner, title="Tài liệu", text="Hướng dẫn điều tra tội phạm mạng ở Đà Nẵng"
        ),
        "en": make_resource(owner, title="Referral pathways", text="A guide about referral."),
    }


def _found(user, query):
    return [h.resource.pk for h in search(user, query).hits]


def test_khmer_word_inside_a_run_without_spaces_is_found(texts, world):
    assert _found(world.kh_member, "ការការពារកុមារ") == [texts["km"].pk]


def test_thai_word_inside_a_run_without_spaces_is_found(texts, world):
    assert _found(world.kh_member, "คุ้มครองเด็ก") == [texts["th"].pk]


@pytest.mark.parametrize("query", ["điều tra", "dieu tra", "DIEU TRA", "da nang", "Đà Nẵng"])
def test_vietnamese_is_found_with_or_without_diacritics(texts, world, query):
    assert _found(world.kh_member, query) == [texts["vi"].pk]


def test_a_short_word_is_a_word_like_any_other(texts, world):
    # A word index has no substring scan: "ở" (two letters) is looked up like a long word.
    assert _found(world.kh_member, "ở") == [texts["vi"].pk]
    assert _found(world.kh_member, "tai") == [texts["vi"].pk]  # "Tài liệu", in the title
    assert _found(world.kh_member, "ta") == []  # not a word of any document


def test_a_prefix_query_finds_longer_words(texts, world):
    assert _found(world.kh_member, "pathw*") == [texts["en"].pk]
    assert _found(world.kh_member, "pathw") == []


def test_title_matches_rank_first(world):
    body = make_resource(world.kh_ngo, title="Annual report", text="mentions pathways once")
    title = make_resource(world.kh_ngo, title="Pathways handbook", text="other words")
    assert _found(world.kh_member, "pathways")[:2] == [title.pk, body.pk]


def test_snippet_marks_the_original_text_for_a_folded_query(texts, world):
    hit = search(world.kh_member, "dieu tra").hits[0]
    assert "<mark>điều</mark> <mark>tra</mark>" in str(hit.snippet_html)


def test_every_term_must_match(texts, world):
    assert _found(world.kh_member, "referral guide") == [texts["en"].pk]
    assert _found(world.kh_member, "referral nonexistentword") == []


def test_quotes_and_operators_in_queries_are_harmless(texts, world):
    for query in ['"', "AND OR NOT", "title_folded: x", "%", "_", "* NEAR(", "'; DROP TABLE"]:
        search(world.kh_member, query)  # must not raise
    assert _found(world.kh_member, "%") == []
    assert "no word to look for" in search(world.kh_member, "%").notice
