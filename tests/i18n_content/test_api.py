"""The API answers in the reader's language (Accept-Language) with a `translations` object
holding every version."""

from .conftest import KM_TITLE, TH_TITLE


def test_a_workshop_in_thai(world, content, api):
    client = api(world.th_member)
    body = client.get(f"/api/v1/workshops/{content.workshop.pk}", HTTP_ACCEPT_LANGUAGE="th").json()
    assert body["title"] == TH_TITLE
    assert body["translations"]["km"] == {"title": KM_TITLE}
    assert body["translations"]["en"]["title"] == "Regional workshop on child protection"


def test_the_original_where_thai_has_no_version(world, content, api):
    client = api(world.th_member)
    body = client.get(f"/api/v1/library/resources/{content.resource.pk}", HTTP_ACCEPT_LANGUAGE="th")
    assert body.json()["title"] == "Guide to victim identification"
    assert set(body.json()["translations"]) == {"en"}


def test_courses_and_sessions_in_thai(world, content, api):
    client = api(world.admin)
    course = client.get(f"/api/v1/courses/{content.course.pk}", HTTP_ACCEPT_LANGUAGE="th")
    assert course.json()["title"] == "การสืบสวนออนไลน์สำหรับตำรวจ"
    assert course.json()["summary"].startswith("How offenders")
    sessions = client.get(
        f"/api/v1/workshops/{content.workshop.pk}/sessions", HTTP_ACCEPT_LANGUAGE="km"
    )
    assert sessions.json()[0]["title"] == "ពិធីបើក"
    assert sessions.json()[0]["translations"]["km"] == {"title": "ពិធីបើក"}


def test_a_change_through_the_api_in_thai_keeps_the_original(world, content, api):
    client = api(world.admin)
    response = client.patch(
        f"/api/v1/sessions/{content.session.pk}",
        {"room": "Hall B"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="km",
    )
    assert response.status_code == 200, response.content
    content.session.refresh_from_db()
    assert content.session.title_en == "Opening plenary"
    assert content.session.title_km == "ពិធីបើក"


def test_without_accept_language_the_token_users_language(world, content, api):
    world.th_member.language = "th"
    world.th_member.save(update_fields=["language"])
    body = api(world.th_member).get(f"/api/v1/workshops/{content.workshop.pk}").json()
    assert body["title"] == TH_TITLE


def test_accept_language_wins_over_the_token_users_language(world, content, api):
    world.th_member.language = "th"
    world.th_member.save(update_fields=["language"])
    client = api(world.th_member)
    body = client.get(f"/api/v1/workshops/{content.workshop.pk}", HTTP_ACCEPT_LANGUAGE="km")
    assert body.json()["title"] == KM_TITLE
