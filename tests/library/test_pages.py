"""Pages: add a resource with files or a link, edit, publish a version; bad input loses nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from protectnet.access.models import AuditEntry
from protectnet.demo import samples
from protectnet.library.models import Resource, VersionFile


def form(w, **extra):
    values = {
        "title": "Referral handbook",
        "summary": "How to refer a child to support services.",
        "resource_type": "guide",
        "owner_organisation": w.kh_ngo.pk,
        "marking": "GREEN",
        "languages": ["en", "km"],
        "topics": [],
        "published_on": "2025-03-01",
        "review_date": "",
        "named_people": [],
        "link": "",
        "note": "",
    }
    values.update(extra)
    return values


def test_member_adds_a_resource_with_a_pdf_and_finds_it(world, login):
    client = login(world.kh_member)
    pdf = SimpleUploadedFile("handbook.pdf", samples.pdf("Handbook", ["The capybara section."]))
    response = client.post("/library/new/", form(world, files=[pdf]))
    assert response.status_code == 302, response.content.decode()[:2000]
    resource = Resource.objects.get()
    assert resource.created_by == world.kh_member
    assert sorted(resource.languages.values_list("code", flat=True)) == ["en", "km"]
    assert AuditEntry.objects.filter(action="library.resource.create").count() == 1
    page = client.get("/library/search/", {"q": "capybara"}).content.decode()
    assert "Referral handbook" in page and "<mark>capybara</mark>" in page


def test_a_link_resource_needs_no_file(world, login):
    client = login(world.kh_member)
    response = client.post(
        "/library/new/", form(world, resource_type="link", link="https://example.org/guide")
    )
    assert response.status_code == 302
    assert Resource.objects.get().versions.get().link == "https://example.org/guide"


@pytest.mark.parametrize(
    "extra,message",
    [
        ({}, "at least one file or a link"),
        ({"link": "javascript:alert(1)"}, "valid URL"),
        ({"resource_type": "link"}, "needs a link"),
        ({"title": ""}, "required"),
        ({"marking": "PURPLE"}, "valid choice"),
        ({"named_people": [999_999]}, "Choose from the list"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_keeps_what_was_typed(world, login, extra, message):
    response = login(world.kh_member).post("/library/new/", form(world, **extra))
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert "How to refer a child to support services." in body
    assert Resource.objects.count() == 0


def test_owner_must_be_one_of_my_organisations(world, login):
    response = login(world.kh_member).post(
        "/library/new/", form(world, owner_organisation=world.th_police.pk, link="https://x.org")
    )
    assert response.status_code == 200
    assert Resource.objects.count() == 0


def test_red_resource_always_names_its_author(world, login):
    client = login(world.kh_member)
    client.post(
        "/library/new/",
        form(world, marking="RED", named_people=[world.kh_le.person.pk], link="https://x.org"),
    )
    resource = Resource.objects.get()
    assert set(resource.named_people.all()) == {world.kh_member.person, world.kh_le.person}
    assert client.get(f"/library/{resource.pk}/").status_code == 200


def test_listed_flag_is_dropped_for_markings_other_than_amber(world, login):
    login(world.kh_member).post(
        "/library/new/",
        form(world, marking="GREEN", listed_when_restricted="on", link="https://x.org"),
    )
    assert Resource.objects.get().listed_when_restricted is False


def test_owner_edits_and_publishes_a_new_version(world, login):
    client = login(world.kh_member)
    client.post("/library/new/", form(world, files=[SimpleUploadedFile("a.txt", b"first")]))
    resource = Resource.objects.get()
    response = client.post(
        f"/library/{resource.pk}/edit/", form(world, title="Referral handbook (revised)")
    )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.title == "Referral handbook (revised)"
    response = client.post(
        f"/library/{resource.pk}/versions/new/",
        {"files": [SimpleUploadedFile("b.txt", b"second")], "note": "Updated", "link": ""},
    )
    assert response.status_code == 302
    assert list(resource.versions.values_list("number", flat=True)) == [2, 1]
    detail = client.get(f"/library/{resource.pk}/").content.decode()
    assert detail.count("/download/") == 2
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"library.resource.update", "library.version.create"} <= actions


def test_new_version_with_a_bad_file_keeps_the_old_version(world, login):
    client = login(world.kh_member)
    client.post("/library/new/", form(world, files=[SimpleUploadedFile("a.txt", b"first")]))
    resource = Resource.objects.get()
    response = client.post(
        f"/library/{resource.pk}/versions/new/",
        {"files": [SimpleUploadedFile("b.svg", b"<svg><script>x</script></svg>")], "link": ""},
    )
    assert response.status_code == 200
    assert "SVG" in response.content.decode()
    assert resource.versions.count() == 1 and VersionFile.objects.count() == 1


def test_findings_page_lists_resources_with_findings(lib, login):
    lib.r.green.summary_findings = 2
    lib.r.green.save(update_fields=["summary_findings"])
    lib.r.amber.text_findings = 1
    lib.r.amber.save(update_fields=["text_findings"])
    page = login(lib.w.admin).get("/library/findings/").content.decode()
    assert "Green lantern guide" in page
    assert "Amber lantern guide" not in page  # the admin may not read it


def test_api_creates_a_resource_with_a_file(world, api):
    response = api(world.kh_member).post(
        "/api/v1/library/resources",
        {
            "title": "API guide",
            "resource_type": "guide",
            "owner_organisation": world.kh_ngo.pk,
            "marking": "GREEN",
            "languages": "en,th",
            "files": [SimpleUploadedFile("api.txt", b"dugong words")],
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["versions"][0]["files"][0]["extraction_status"] == "done"
    assert sorted(body["languages"]) == ["en", "th"]
    refused = api(world.kh_member).post(
        "/api/v1/library/resources",
        {
            "title": "Evil",
            "resource_type": "guide",
            "owner_organisation": world.kh_ngo.pk,
            "files": [SimpleUploadedFile("x.pdf", b"MZ" + b"\0" * 50)],
        },
    )
    assert refused.status_code == 415
    assert "program" in refused.content.decode()
    assert (
        api(world.guest)
        .post(
            "/api/v1/library/resources",
            {"title": "x", "resource_type": "guide", "owner_organisation": world.kh_ngo.pk},
        )
        .status_code
        == 403
    )


def test_api_version_list_and_new_version(world, api):
    client = api(world.kh_member)
    created = client.post(
        "/api/v1/library/resources",
        {
            "title": "Versions",
            "resource_type": "guide",
            "owner_organisation": world.kh_ngo.pk,
            "files": [SimpleUploadedFile("1.txt", b"one")],
        },
    ).json()
    added = client.post(
        f"/api/v1/library/resources/{created['id']}/versions",
        {"files": [SimpleUploadedFile("2.txt", b"two")]},
    )
    assert added.status_code == 201
    versions = client.get(f"/api/v1/library/resources/{created['id']}/versions").json()
    assert [v["number"] for v in versions] == [2, 1]
    other = api(world.th_member).post(
        f"/api/v1/library/resources/{created['id']}/versions",
        {"files": [SimpleUploadedFile("3.txt", b"three")]},
    )
    assert other.status_code == 403


def _avoided_term() -> str:
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "protectnet/terminology/data/terminology.csv"
    with path.open(encoding="utf-8") as handle:
        return next(r["term"] for r in csv.DictReader(handle) if r["severity"] == "avoid")


def test_summary_with_a_discouraged_term_warns_then_saves_when_confirmed(world, login):
    client = login(world.kh_member)
    summary = f"Older laws say {_avoided_term()} here."
    response = client.post("/library/new/", form(world, summary=summary, link="https://x.org"))
    assert response.status_code == 200
    assert "Language notes" in response.content.decode()
    assert Resource.objects.count() == 0
    response = client.post(
        "/library/new/",
        form(world, summary=summary, link="https://x.org", terminology_confirmed="on"),
    )
    assert response.status_code == 302
    assert Resource.objects.get().summary_findings >= 1


def test_extracted_text_findings_are_counted_for_the_secretariat(world, login):
    text = f"A chapter that still says {_avoided_term()}.".encode()
    client = login(world.kh_member)
    client.post("/library/new/", form(world, files=[SimpleUploadedFile("t.txt", text)]))
    resource = Resource.objects.get()
    assert resource.text_findings >= 1
    assert VersionFile.objects.get().findings_count >= 1
    assert "Referral handbook" in login(world.admin).get("/library/findings/").content.decode()
