"""POST /api/v1/terminology/check and GET /api/v1/terminology/terms."""

import json

import pytest

pytestmark = pytest.mark.django_db

CHECK = "/api/v1/terminology/check"
TERMS = "/api/v1/terminology/terms"


def _post(client, body):
    return client.post(CHECK, data=json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("who", ["admin", "kh_focal", "kh_member", "th_le", "trainer"])
def test_writers_get_findings_with_exact_character_offsets(world, api, who):
    text = "ប្រទេសកម្ពុជា ประเทศไทย Việt Nam: a sex tourist and child pornog-\nraphy near a girl."
    response = _post(api(getattr(world, who)), {"text": text})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    first, second = body["findings"]
    assert text[first["start"] : first["end"]] == first["matched"] == "sex tourist"
    assert text[second["start"] : second["end"]] == second["matched"] == "child pornog-\nraphy"
    assert first["preferred"][0] == "travelling child sex offender (TCSO)"
    assert first["severity"] == "avoid" and first["quoted"] is False
    assert "quoting or naming a law" in second["exceptions"]


def test_informational_notes_only_when_asked(world, api):
    client = api(world.kh_member)
    assert _post(client, {"text": "the victim"}).json()["count"] == 0
    body = _post(client, {"text": "the victim", "include_info": True}).json()
    assert body["findings"][0]["severity"] == "info"


@pytest.mark.parametrize("who", ["guest", "kh_le_unvetted"])
def test_guests_are_refused_and_members_without_vetting_still_write(world, api, who):
    status = _post(api(getattr(world, who)), {"text": "x"}).status_code
    assert status == (403 if who == "guest" else 200)


def test_no_token_or_a_session_cookie_is_not_enough(world, api, login):
    assert _post(api(None), {"text": "child porn"}).status_code == 401
    assert _post(login(world.kh_member), {"text": "child porn"}).status_code == 401
    bad = api(None)
    bad.defaults["HTTP_AUTHORIZATION"] = "Bearer not-a-token"
    assert _post(bad, {"text": "child porn"}).status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": None},
        {"text": 12},
        {"text": "x", "include_info": "maybe"},
        {"text": "x" * 500_001},
    ],
)
def test_bad_bodies_get_a_clear_json_error(world, api, body):
    response = _post(api(world.kh_member), body)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_malformed_json_is_refused(world, api):
    response = api(world.kh_member).post(CHECK, data="{not json", content_type="application/json")
    assert response.status_code in (400, 422)


def test_term_list_for_members_hides_inactive_terms(world, api):
    from protectnet.terminology.models import Term

    Term.objects.filter(label="child bride").update(active=False)
    labels = {t["label"] for t in api(world.kh_member).get(TERMS).json()}
    assert "child sex tourist" in labels and "child bride" not in labels
    assert "child bride" in {t["label"] for t in api(world.admin).get(TERMS).json()}
    assert api(world.guest).get(TERMS).status_code == 403
    assert api(None).get(TERMS).status_code == 401


@pytest.mark.queries("api:terminology_term_list")
def test_term_list_costs_the_same_queries_for_2_or_20_extra_terms(world, api):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from protectnet.terminology.models import Term

    client = api(world.kh_member)
    client.get(TERMS)  # the token's first use of the minute records itself

    def count(n):
        Term.objects.filter(label__startswith="fictitious").delete()
        Term.objects.bulk_create(
            Term(
                label=f"fictitious {i}",
                variants=f"zzq{i}",
                preferred="p",
                reason="r",
                severity="avoid",
            )
            for i in range(n)
        )
        with CaptureQueriesContext(connection) as ctx:
            labels = [t["label"] for t in client.get(TERMS).json()]
        assert f"fictitious {n - 1}" in labels
        return len(ctx.captured_queries)

    assert count(2) == count(20)
