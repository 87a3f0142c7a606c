"""Text extraction per format, the background command, and search over the extracted text."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from protectnet.demo import samples
from protectnet.library import extraction, services
from protectnet.library.models import ExtractionStatus, VersionFile
from protectnet.library.search import search

WORDS = ["Mekong referral pathway", "Điều tra tội phạm mạng"]


@pytest.mark.parametrize(
    "kind,data",
    [
        ("pdf", samples.pdf("Title", WORDS)),
        ("docx", samples.docx("Title", WORDS)),
        ("xlsx", samples.xlsx("Sheet", [[w] for w in WORDS])),
        ("pptx", samples.pptx("Title", WORDS)),
        ("txt", samples.txt("Title", WORDS)),
    ],
)
def test_each_format_yields_its_text(kind, data):
    text = extraction.extract_text(kind, data)
    assert "Mekong referral pathway" in text
    assert "Điều tra tội phạm mạng" in text


def test_unparseable_content_raises_a_readable_reason():
    with pytest.raises(extraction.ExtractionError) as caught:
        extraction.extract_text("docx", b"PK\x03\x04 not really")
    assert str(caught.value)


def _create(w, name, data):
    return services.resource_create(
        actor=w.kh_member,
        data=services.ResourceData(
            title="Extraction test", resource_type="guide", owner_organisation=w.kh_ngo
        ),
        files=[SimpleUploadedFile(name, data)],
    )


def test_small_upload_is_extracted_at_once_and_searchable(world):
    resource = _create(world, "guide.pdf", samples.pdf("Guide", ["The quokka protocol."]))
    file = VersionFile.objects.get(version__resource=resource)
    assert file.extraction_status == ExtractionStatus.DONE
    assert [h.resource.pk for h in search(world.kh_member, "quokka").hits] == [resource.pk]


def test_large_upload_waits_for_the_command(world, monkeypatch, database_tasks):
    monkeypatch.setattr(services, "SYNC_EXTRACT_MAX_BYTES", 10)
    resource = _create(world, "big.docx", samples.docx("Big", ["The wombat chapter."]))
    file = VersionFile.objects.get(version__resource=resource)
    assert file.extraction_status == ExtractionStatus.PENDING
    assert search(world.kh_member, "wombat").total == 0
    call_command("extract_library_text")
    file.refresh_from_db()
    assert file.extraction_status == ExtractionStatus.DONE
    assert search(world.kh_member, "wombat").total == 1
    # Running again finds nothing left to do.
    assert extraction.extract_pending() == {"done": 0, "failed": 0}


def test_large_upload_is_read_by_a_worker_right_after(world, monkeypatch, database_tasks):
    monkeypatch.setattr(services, "SYNC_EXTRACT_MAX_BYTES", 10)
    resource = _create(world, "big.docx", samples.docx("Big", ["The quokka chapter."]))
    file = VersionFile.objects.get(version__resource=resource)
    assert file.extraction_status == ExtractionStatus.PENDING
    assert database_tasks.queued() == ["protectnet.library.tasks.file_extract"]
    database_tasks.run()
    file.refresh_from_db()
    assert file.extraction_status == ExtractionStatus.DONE
    assert search(world.kh_member, "quokka").total == 1


def test_missing_stored_file_is_flagged_failed(world, settings):
    resource = _create(world, "n.txt", b"narwhal")
    file = VersionFile.objects.get(version__resource=resource)
    (settings.MEDIA_ROOT / "library" / file.stored_name).unlink()
    file.extraction_status = ExtractionStatus.PENDING
    file.save(update_fields=["extraction_status"])
    assert extraction.extract_pending() == {"done": 0, "failed": 1}
    file.refresh_from_db()
    assert file.extraction_status == ExtractionStatus.FAILED


def test_new_version_replaces_the_searched_text_and_keeps_history(world, login):
    resource = _create(world, "v1.txt", b"first edition about otters")
    services.version_create(
        actor=world.kh_member,
        resource=resource,
        files=[SimpleUploadedFile("v2.txt", b"second edition about beavers")],
    )
    assert search(world.kh_member, "beavers").total == 1
    assert search(world.kh_member, "otters").total == 0
    versions = list(resource.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert [v.is_current for v in versions] == [False, True]
    old_file = versions[0].files.get()
    response = login(world.kh_member).get(f"/library/files/{old_file.pk}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"first edition about otters"


def test_a_long_upload_is_searchable_to_its_last_word(world):
    words = " ".join(f"paragraph{i % 500}" for i in range(60_000))
    resource = _create(world, "long.txt", (words + " finalword").encode())
    file = VersionFile.objects.get(version__resource=resource)
    assert len(file.extracted_text) > 500_000
    assert file.extraction_error == ""
    assert [h.resource.pk for h in search(world.kh_member, "finalword").hits] == [resource.pk]


def test_text_past_the_cap_is_said_on_the_page_not_cut_silently(world, login, monkeypatch):
    monkeypatch.setattr(extraction, "MAX_TEXT_CHARS", 20)
    resource = _create(world, "cut.txt", b"the first words then the words that are cut off")
    page = login(world.kh_member).get(f"/library/{resource.pk}/").content.decode()
    assert "Only the first 20 characters of this file" in page


def test_a_file_waiting_for_its_text_shows_being_indexed(world, login, monkeypatch, database_tasks):
    monkeypatch.setattr(services, "SYNC_EXTRACT_MAX_BYTES", 10)
    resource = _create(world, "big.docx", samples.docx("Big", ["The quokka chapter."]))
    page = login(world.kh_member).get(f"/library/{resource.pk}/").content.decode()
    assert "Being indexed" in page
