"""The funder's report, the PDFs, the exports and the retention job."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from protectnet.workshops.models import Invitation, Outcome, Registration
from protectnet.workshops.report import headlines, workshop_report
from protectnet.workshops.services.checkin import checkin_record
from protectnet.workshops.services.feedback import feedback_submit
from protectnet.workshops.services.registrations import acting_for, registration_cancel

from .conftest import START, invite, person_in, register


def _pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def held(world, ws):
    """Four registered (one cancels), three attend day one, two answer the survey."""
    regs = []
    for i, (org, gender) in enumerate(
        [
            (world.kh_police, "Woman"),
            (world.kh_ngo, ""),
            (world.th_police, "man"),
            (world.th_ministry, "Man"),
        ]
    ):
        person = person_in(org, full_name=f"Participant {i}", gender=gender)
        invite(world, ws.workshop, person)
        regs.append(
            register(
                Invitation.objects.get(person=person),
                consent_participant_list=i != 1,
                dietary_needs=f"diet {i}",
                passport_number="",
            )
        )
    registration_cancel(actor=acting_for(None, regs[3].invitation), registration=regs[3])
    for r in regs[:3]:
        checkin_record(actor=world.admin, workshop=ws.workshop, day=START, code=r.badge_code)
    feedback_submit(
        actor=acting_for(None, regs[0].invitation),
        registration=regs[0],
        overall_rating=5,
        knowledge_before=2,
        knowledge_after=4,
        session_ratings={ws.opening.pk: 4},
    )
    feedback_submit(
        actor=acting_for(None, regs[1].invitation),
        registration=regs[1],
        overall_rating=3,
        anonymous=True,
        knowledge_before=3,
        knowledge_after=3,
    )
    Outcome.objects.create(
        workshop=ws.workshop,
        kind="initiative",
        title="Joint hotline",
        owner_organisation=world.kh_ngo,
        status="done",
    )
    Outcome.objects.create(
        workshop=ws.workshop,
        kind="action_point",
        title="Share contacts",
        owner_organisation=world.th_police,
        status="in_progress",
    )
    return regs


def test_report_figures(world, ws, held):
    head = headlines([ws.workshop.pk])[ws.workshop.pk]
    assert (head.registered, head.cancelled, head.attended) == (3, 1, 3)
    assert head.countries == 2
    assert head.responses == 2 and head.non_responses == 1
    assert head.response_rate == 66.7
    assert head.mean_rating == 4.0 and head.top_share == 50.0
    assert head.knowledge_gain == 1.0 and head.improved == 1
    assert head.outcomes_done_share == 50.0
    data = workshop_report(ws.workshop)
    assert ("not stated", 1) in data["by_gender"]
    assert ("man", 1) in data["by_gender"] and ("woman", 1) in data["by_gender"]
    assert dict(data["by_sector"])["Law enforcement"] == 2


def test_report_page_and_pdf_show_the_figures(world, ws, held, login):
    client = login(world.admin)
    page = client.get(f"/workshops/{ws.workshop.pk}/report/").content.decode()
    assert 'data-figure="response-rate">66.7%' in page
    assert "<svg" in page and "<title>Participants by country</title>" in page
    text = _pdf_text(client.get(f"/workshops/{ws.workshop.pk}/report.pdf"))
    assert "66.7%" in text and "Joint hotline" in text and "Cambodia" in text
    assert "not stated" in text


def test_report_is_for_organisers_only(world, ws, login):
    for user in (world.kh_focal, world.kh_member, world.guest):
        assert login(user).get(f"/workshops/{ws.workshop.pk}/report/").status_code == 403


def test_series_report_compares_editions(world, ws, held, login):
    response = login(world.admin).get(f"/workshops/series/{ws.workshop.series_id}/report/")
    assert response.status_code == 200
    assert "Participants per edition" in response.content.decode()
    text = _pdf_text(
        login(world.admin).get(f"/workshops/series/{ws.workshop.series_id}/report/?format=pdf")
    )
    assert "Phnom Penh" in text


def test_badges_pdf_has_one_badge_per_registered_person(world, ws, held, login):
    text = _pdf_text(login(world.admin).get(f"/workshops/{ws.workshop.pk}/badges.pdf"))
    for r in held[:3]:
        assert r.person.full_name in text and r.badge_code in text
    assert held[3].badge_code not in text  # cancelled


def test_visa_letter_pdf(world, ws, client):
    person = person_in(world.th_ministry, full_name="Visa Applicant")
    raw = invite(world, ws.workshop, person)
    register(
        Invitation.objects.get(person=person),
        needs_visa_letter=True,
        passport_full_name="VISA APPLICANT",
        passport_number="T9876543",
        passport_nationality="Thai",
        passport_expiry=date(2032, 1, 1),
    )
    text = _pdf_text(client.get(f"/workshops/register/{raw}/visa-letter.pdf"))
    assert "VISA APPLICANT" in text and "T9876543" in text
    assert "4 Mar 2030" in text  # the language's one date format


def test_export_lists_only_consenting_people_and_neutralises_formulas(world, ws, held, login):
    Registration.objects.filter(pk=held[0].pk).update()
    held[0].person.full_name = "=HYPERLINK(evil)"
    held[0].person.save(update_fields=["full_name"])
    client = login(world.admin)
    csv_text = client.get(f"/workshops/{ws.workshop.pk}/participants.csv").content.decode()
    assert "'=HYPERLINK(evil)" in csv_text
    assert held[1].person.full_name not in csv_text  # no consent
    assert "diet" not in csv_text
    book = load_workbook(
        io.BytesIO(client.get(f"/workshops/{ws.workshop.pk}/participants.xlsx").content)
    )
    names = [row[0].value for row in book.active.iter_rows(min_row=2)]
    assert len(names) == 2 and held[1].person.full_name not in names
    assert (
        login(world.kh_focal).get(f"/workshops/{ws.workshop.pk}/participants.csv").status_code
        == 403
    )


def test_retention_deletes_sensitive_fields_and_the_report_still_works(world, ws, held, settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    before = headlines([ws.workshop.pk])[ws.workshop.pk]
    from protectnet.workshops.retention import apply_retention

    assert apply_retention(today=date(2030, 4, 1))["registrations"] == 0  # not yet due
    assert apply_retention(today=date(2030, 4, 10))["registrations"] == 4
    for r in Registration.objects.all():
        assert r.dietary_needs == "" and r.sensitive_deleted_at is not None
        assert r.country_id is not None  # the report's snapshot stays
    after = headlines([ws.workshop.pk])[ws.workshop.pk]
    assert after == before
    assert apply_retention(today=date(2030, 4, 10))["registrations"] == 0


def test_apply_retention_command_discovers_every_app(world, ws, held, settings, capsys):
    settings.REGISTRATION_RETENTION_DAYS = 0
    Registration.objects.update()
    from protectnet.workshops.models import Workshop

    Workshop.objects.filter(pk=ws.workshop.pk).update(
        start_date=date(2020, 1, 1), end_date=date(2020, 1, 2)
    )
    call_command("apply_retention")
    out = capsys.readouterr().out
    assert "workshops: {'registrations': 4}" in out
    assert not Registration.objects.exclude(dietary_needs="").exists()
