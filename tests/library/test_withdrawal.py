"""Withdraw and restore: who may, what disappears for whom, and what the audit log keeps."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from protectnet.access.models import AuditEntry
from protectnet.library import services
from protectnet.library.dashboard import cards
from protectnet.library.models import Resource, VersionFile
from protectnet.library.search import search

# kh_member belongs to the owning organisation (the Cambodian NGO); th_member can read the
# GREEN item but does not own it; the admin owns nothing in the library fixture.
WRITE_MATRIX = [
    ("admin", True),
    ("kh_member", True),
    ("th_member", False),
    ("guest", False),
    ("anonymous", False),
]


def _user(lib, role):
    return None if role == "anonymous" else getattr(lib.w, role)


def _withdraw(resource, actor, reason="Superseded by the 2026 edition."):
    return services.resource_withdraw(actor=actor, resource=resource, reason=reason)


def _reload(resource):
    return Resource.objects.get(pk=resource.pk)


# --- who may withdraw and restore -----------------------------------------------------------


@pytest.mark.parametrize("role,allowed", WRITE_MATRIX)
def test_withdraw_page_is_for_the_owning_organisation_and_admins(lib, login, role, allowed):
    client = login(_user(lib, role))
    url = f"/library/{lib.r.green.pk}/withdraw/"
    response = client.post(url, {"reason": "Outdated figures."})
    if allowed:
        assert response.status_code == 302
        assert response["Location"] == f"/library/{lib.r.green.pk}/"
        assert _reload(lib.r.green).withdrawal_reason == "Outdated figures."
    else:
        # Anonymous visitors are sent to sign in; members and guests are refused.
        assert response.status_code == (302 if role == "anonymous" else 403)
        assert "/accounts/" in response.get("Location", "/accounts/")
        assert _reload(lib.r.green).withdrawn_at is None


@pytest.mark.parametrize("role,allowed", WRITE_MATRIX)
def test_restore_page_is_for_the_owning_organisation_and_admins(lib, login, role, allowed):
    _withdraw(lib.r.green, lib.w.kh_member)
    response = login(_user(lib, role)).post(f"/library/{lib.r.green.pk}/restore/")
    if allowed:
        assert response.status_code == 302
        assert _reload(lib.r.green).withdrawn_at is None
    else:
        # Once withdrawn, the item does not exist for the other member: 404, not 403.
        expected = {"anonymous": 302, "guest": 403, "th_member": 404}[role]
        assert response.status_code == expected
        assert _reload(lib.r.green).withdrawn_at is not None


@pytest.mark.parametrize("role,allowed", WRITE_MATRIX)
def test_withdraw_api_is_for_the_owning_organisation_and_admins(lib, api, role, allowed):
    url = f"/api/v1/library/resources/{lib.r.green.pk}/withdraw"
    response = api(_user(lib, role)).post(
        url, {"reason": "Duplicate entry."}, content_type="application/json"
    )
    if allowed:
        assert response.status_code == 200
        assert response.json()["withdrawn_at"]
        assert response.json()["id"] == lib.r.green.pk
    else:
        assert response.status_code == (401 if role == "anonymous" else 403)
        assert _reload(lib.r.green).withdrawn_at is None


@pytest.mark.parametrize("role,allowed", WRITE_MATRIX)
def test_restore_api_is_for_the_owning_organisation_and_admins(lib, api, role, allowed):
    _withdraw(lib.r.green, lib.w.kh_member)
    response = api(_user(lib, role)).post(f"/api/v1/library/resources/{lib.r.green.pk}/restore")
    if allowed:
        assert response.status_code == 200
        assert response.json()["withdrawn_at"] is None
    else:
        assert response.status_code == {"anonymous": 401, "guest": 403, "th_member": 404}[role]
        assert _reload(lib.r.green).withdrawn_at is not None


def test_admin_cannot_withdraw_an_amber_item_it_cannot_read(lib, login, api):
    assert login(lib.w.admin).post(f"/library/{lib.r.amber.pk}/withdraw/").status_code == 404
    response = api(lib.w.admin).post(
        f"/api/v1/library/resources/{lib.r.amber.pk}/withdraw", {}, content_type="application/json"
    )
    assert response.status_code == 404
    assert _reload(lib.r.amber).withdrawn_at is None


def test_owner_withdraws_an_amber_item_and_its_sharing_partner_loses_it(lib, login):
    response = login(lib.w.kh_member).post(f"/library/{lib.r.amber.pk}/withdraw/", {})
    assert response.status_code == 302
    assert login(lib.w.th_member).get(f"/library/{lib.r.amber.pk}/").status_code == 404
    assert lib.r.amber.pk not in {h.resource.pk for h in search(lib.w.th_member, "lantern").hits}


# --- the pages and what they offer ------------------------------------------------------------


def test_withdraw_page_asks_for_confirmation_with_an_optional_reason(lib, login):
    page = login(lib.w.kh_member).get(f"/library/{lib.r.green.pk}/withdraw/").content.decode()
    assert 'name="reason"' in page and "Nothing is deleted" in page
    assert _reload(lib.r.green).withdrawn_at is None  # a GET changes nothing


def test_detail_page_offers_withdraw_to_owners_only(lib, login):
    url = f"/library/{lib.r.green.pk}/withdraw/"
    assert url in login(lib.w.kh_member).get(f"/library/{lib.r.green.pk}/").content.decode()
    assert url in login(lib.w.admin).get(f"/library/{lib.r.green.pk}/").content.decode()
    assert url not in login(lib.w.th_member).get(f"/library/{lib.r.green.pk}/").content.decode()


@pytest.mark.parametrize("role", ["kh_member", "admin"])
def test_owners_and_admins_see_the_item_marked_withdrawn_and_can_restore(lib, login, role):
    _withdraw(lib.r.green, lib.w.kh_member)
    client = login(getattr(lib.w, role))
    detail = client.get(f"/library/{lib.r.green.pk}/").content.decode()
    assert "Withdrawn" in detail and "Superseded by the 2026 edition." in detail
    assert f"/library/{lib.r.green.pk}/restore/" in detail
    listing = client.get("/library/").content.decode()
    assert f'href="/library/{lib.r.green.pk}/"' in listing and "Withdrawn" in listing


def test_withdrawn_reason_that_is_too_long_is_refused_on_the_form(lib, login):
    response = login(lib.w.kh_member).post(
        f"/library/{lib.r.green.pk}/withdraw/", {"reason": "x" * 501}
    )
    assert response.status_code == 200
    assert "at most 500 characters" in response.content.decode()
    assert _reload(lib.r.green).withdrawn_at is None


def test_withdrawing_twice_or_restoring_an_active_item_is_a_clear_error(lib, login, api):
    client = login(lib.w.kh_member)
    page = client.post(f"/library/{lib.r.green.pk}/restore/").content.decode()
    assert "This resource is not withdrawn." in page
    _withdraw(lib.r.green, lib.w.kh_member)
    page = client.post(f"/library/{lib.r.green.pk}/withdraw/", {}).content.decode()
    assert "This resource is already withdrawn." in page
    response = api(lib.w.kh_member).post(
        f"/api/v1/library/resources/{lib.r.green.pk}/withdraw", {}, content_type="application/json"
    )
    assert response.status_code == 422
    assert "already withdrawn" in str(response.json()["errors"])
    # The first withdrawal and its reason are kept.
    assert _reload(lib.r.green).withdrawal_reason == "Superseded by the 2026 edition."


def test_api_refuses_bad_ids_and_bad_bodies(lib, api):
    client = api(lib.w.kh_member)
    assert (
        client.post("/api/v1/library/resources/999999/withdraw", {}, "application/json").status_code
        == 404
    )
    assert client.post("/api/v1/library/resources/999999/restore").status_code == 404
    too_long = client.post(
        f"/api/v1/library/resources/{lib.r.green.pk}/withdraw",
        {"reason": "x" * 501},
        content_type="application/json",
    )
    assert too_long.status_code == 422
    assert _reload(lib.r.green).withdrawn_at is None


def test_withdraw_and_restore_are_audited(lib, api):
    client = api(lib.w.kh_member)
    client.post(
        f"/api/v1/library/resources/{lib.r.green.pk}/withdraw",
        {"reason": "Wrong file attached."},
        content_type="application/json",
    )
    client.post(f"/api/v1/library/resources/{lib.r.green.pk}/restore")
    entries = list(
        AuditEntry.objects.filter(object_id=str(lib.r.green.pk), action__startswith="library.")
        .order_by("id")
        .values_list("action", "actor_label", "data")
    )
    assert [e[0] for e in entries] == ["library.resource.withdraw", "library.resource.restore"]
    assert {e[1] for e in entries} == {"member.kh@example.test"}
    assert entries[0][2]["reason"] == "Wrong file attached."


# --- nothing leaks: lists, search, facets, counts, downloads, restricted listings -------------


def test_withdrawn_item_leaves_search_counts_and_facets_of_other_members(lib):
    before = search(lib.w.th_member, "lantern")
    _withdraw(lib.r.green, lib.w.kh_member)
    after = search(lib.w.th_member, "lantern")
    assert lib.r.green.pk not in {h.resource.pk for h in after.hits}
    assert after.total == before.total - 1
    for name in ("type", "marking", "organisation", "year", "language"):
        assert sum(v.count for v in after.facets[name]) == after.total, name
    assert "GREEN" not in {v.value for v in after.facets["marking"]}
    # The words of its text find nothing any more.
    assert search(lib.w.th_member, "green lantern text").total == 0


def test_withdrawn_item_stays_in_the_owners_search_and_counts(lib):
    before = search(lib.w.kh_member, "lantern").total
    _withdraw(lib.r.green, lib.w.kh_member)
    assert search(lib.w.kh_member, "lantern").total == before
    assert search(lib.w.admin, "green lantern").total == 1


@pytest.mark.parametrize("role", ["th_member", "kh_focal", "trainer", "guest", "anonymous"])
def test_withdrawn_clear_item_disappears_for_everyone_else(lib, login, api, role):
    user = _user(lib, role)
    client = login(user)
    link = f'href="/library/{lib.r.clear.pk}/"'
    assert link in client.get("/library/").content.decode()
    _withdraw(lib.r.clear, lib.w.kh_member)
    assert client.get(f"/library/{lib.r.clear.pk}/").status_code == 404
    assert link not in client.get("/library/").content.decode()
    assert link not in client.get("/library/search/", {"q": "lantern"}).content.decode()
    assert search(user, "clear lantern").total == 0
    if user is None:
        api_client = api(None)
        body = api_client.get("/api/v1/library/resources", {"q": "clear"}).json()
        assert body["count"] == 0
        found = api_client.get("/api/v1/library/search", {"q": "clear lantern"}).json()
        assert found["count"] == 0 and found["items"] == []


def test_withdrawn_item_leaves_the_api_list_search_and_detail(lib, api):
    _withdraw(lib.r.green, lib.w.kh_member)
    client = api(lib.w.th_member)
    listed = client.get("/api/v1/library/resources", {"q": "lantern"}).json()
    assert lib.r.green.pk not in {r["id"] for r in listed["items"]}
    found = client.get("/api/v1/library/search", {"q": "green lantern"}).json()
    assert found["count"] == 0 and found["items"] == []
    assert all(v == [] for v in found["facets"].values())
    assert client.get(f"/api/v1/library/resources/{lib.r.green.pk}").status_code == 404
    versions = f"/api/v1/library/resources/{lib.r.green.pk}/versions"
    assert client.get(versions).status_code == 404
    owner = api(lib.w.kh_member).get(f"/api/v1/library/resources/{lib.r.green.pk}").json()
    assert owner["withdrawn_at"]


def test_withdrawn_item_leaves_the_dashboard_count_of_other_members(lib):
    def library_count(user):
        return int(next(c for c in cards(user) if c.url == "/library/").value)

    others, owners = library_count(lib.w.th_member), library_count(lib.w.kh_member)
    _withdraw(lib.r.green, lib.w.kh_member)
    assert library_count(lib.w.th_member) == others - 1
    assert library_count(lib.w.kh_member) == owners


def test_withdrawn_listed_amber_item_is_no_longer_listed_as_restricted(lib, login, api):
    assert [r.pk for r in search(lib.w.kh_focal, "listed").restricted] == [lib.r.listed.pk]
    _withdraw(lib.r.listed, lib.w.kh_member)
    assert search(lib.w.kh_focal, "listed").restricted == []
    page = login(lib.w.kh_focal).get("/library/search/", {"q": "lantern"}).content.decode()
    assert "Listed lantern report" not in page
    found = api(lib.w.kh_focal).get("/api/v1/library/search", {"q": "listed"}).json()
    assert found["restricted"] == []
    # Nor can access to it be asked for.
    request_page = f"/library/restricted/{lib.r.listed.pk}/request/"
    assert login(lib.w.kh_focal).get(request_page).status_code == 404


@pytest.fixture
def green_file(world):
    resource = services.resource_create(
        actor=world.kh_member,
        data=services.ResourceData(
            title="Ferry safety poster",
            resource_type="guide",
            owner_organisation=world.kh_ngo,
        ),
        files=[SimpleUploadedFile("poster.txt", b"Ferry crossing safety notes.")],
    )
    return VersionFile.objects.get(version__resource=resource)


def test_files_of_a_withdrawn_item_cannot_be_downloaded_by_others(world, green_file, login, api):
    resource = green_file.version.resource
    _withdraw(resource, world.kh_member)
    page_url = f"/library/files/{green_file.pk}/download/"
    api_url = f"/api/v1/library/files/{green_file.pk}/download"
    for user in (world.th_member, world.kh_focal, world.trainer):
        assert login(user).get(page_url).status_code == 404
        assert api(user).get(api_url).status_code == 404
    assert login(world.kh_member).get(page_url).status_code == 200
    assert login(world.admin).get(page_url).status_code == 200


def test_restoring_brings_the_item_back_for_everyone(world, green_file, login):
    resource = green_file.version.resource
    _withdraw(resource, world.kh_member)
    assert search(world.th_member, "ferry").total == 0
    services.resource_restore(actor=world.admin, resource=_reload(resource))
    assert search(world.th_member, "ferry").total == 1
    download = login(world.th_member).get(f"/library/files/{green_file.pk}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"Ferry crossing safety notes."
