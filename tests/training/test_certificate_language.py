"""A certificate names the course in its holder's language (their account's, else their
directory entry's, else the course's original), whoever records the results and in whatever
language they work, and keeps that title when the course is renamed later: it is evidence."""

import pytest
from django.utils import translation

from protectnet.core import multilingual
from protectnet.training import services
from protectnet.training.certificate_pdf import certificate_context
from protectnet.training.models import Certificate
from tests import factories as f

from .conftest import enrol, key, make_course, make_delivery, reload

pytestmark = pytest.mark.django_db

ENGLISH = "Online investigations for police"
THAI = "การสืบสวนออนไลน์สำหรับตำรวจ"
KHMER = "ការស៊ើបអង្កេតតាមអ៊ីនធឺណិតសម្រាប់ប៉ូលីស"


def _course(world):
    course = make_course(world, title=ENGLISH)
    changed = multilingual.write_translations(
        course, {"th": {"title": THAI}, "km": {"title": KHMER}}
    )
    course.save(update_fields=changed)
    return course


def _certify_in_thai(world, course, trainees) -> dict:
    """A trainer working in Thai records attendance and marks completion; each trainee sends a
    full post-test. Returns each trainee's certificate by user."""
    delivery = make_delivery(world, course)
    enrolments = {user: enrol(world, delivery, user, org) for user, org in trainees}
    with translation.override("th"):
        for day in delivery.days:
            present = {e.pk for e in enrolments.values()}
            services.attendance_record(
                actor=world.trainer, delivery=delivery, day=day, present_ids=present
            )
        for user, enrolment in enrolments.items():
            answers = key(course)
            services.test_submit(
                actor=user, enrolment=reload(enrolment), kind="post", answers=answers
            )
        services.delivery_completion_mark(actor=world.trainer, delivery=delivery)
    return {user: Certificate.objects.get(enrolment=e) for user, e in enrolments.items()}


def test_a_trainer_working_in_thai_issues_a_khmer_trainee_the_khmer_title(world):
    course = _course(world)
    f.speaks(world.kh_le, "km")
    f.speaks(world.guest, "", directory="")  # no language anywhere
    certs = _certify_in_thai(
        world, course, [(world.kh_le, world.kh_police), (world.guest, world.kh_ngo)]
    )
    khmer, guest = certs[world.kh_le], certs[world.guest]
    assert (khmer.course_title, khmer.course_title_lang) == (KHMER, "km")
    # A trainee with no language gets the original, never the trainer's Thai.
    assert (guest.course_title, guest.course_title_lang) == (ENGLISH, "en")


def test_the_title_stays_as_issued_when_the_course_is_renamed(world):
    course = _course(world)
    f.speaks(world.kh_le, "km")
    cert = _certify_in_thai(world, course, [(world.kh_le, world.kh_police)])[world.kh_le]
    changed = multilingual.write_translations(course, {"km": {"title": "ឈ្មោះថ្មី"}})
    multilingual.write_original(course, "title", "A new name")
    multilingual.save_original(course, ["title", *changed])
    cert.refresh_from_db()
    assert (cert.course_title, cert.course_title_lang) == (KHMER, "km")


def test_the_directory_language_counts_when_the_account_has_none(world):
    course = _course(world)
    f.speaks(world.kh_le, "", directory="km")
    f.speaks(world.guest, "th", directory="km")  # the account's choice is their latest word
    certs = _certify_in_thai(
        world, course, [(world.kh_le, world.kh_police), (world.guest, world.kh_ngo)]
    )
    assert certs[world.kh_le].course_title == KHMER
    assert certs[world.guest].course_title == THAI


def test_a_language_the_course_has_no_title_in_gets_the_original(world):
    course = _course(world)
    f.speaks(world.kh_le, "vi")
    cert = _certify_in_thai(world, course, [(world.kh_le, world.kh_police)])[world.kh_le]
    assert (cert.course_title, cert.course_title_lang) == (ENGLISH, "en")


def test_the_verification_page_and_the_pdf_mark_the_title_with_its_language(world, client):
    course = _course(world)
    f.speaks(world.kh_le, "km")
    cert = _certify_in_thai(world, course, [(world.kh_le, world.kh_police)])[world.kh_le]
    page = client.get(f"/training/verify/{cert.code}/").content.decode()
    assert f'<dd lang="km">{KHMER}</dd>' in page
    assert (
        f'<span class="course" lang="km">{KHMER}</span>' in certificate_context(cert)["course_html"]
    )


def test_the_api_gives_the_title_with_its_language(world, api):
    course = _course(world)
    f.speaks(world.kh_le, "km")
    cert = _certify_in_thai(world, course, [(world.kh_le, world.kh_police)])[world.kh_le]
    (listed,) = api(world.kh_le).get("/api/v1/certificates").json()
    assert (listed["course_title"], listed["course_title_lang"]) == (KHMER, "km")
    verified = api(None).get(f"/api/v1/certificates/verify/{cert.code}").json()
    assert (verified["course_title"], verified["course_title_lang"]) == (KHMER, "km")


def test_the_openapi_document_says_what_course_title_lang_is(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for name in ("CertificateOut", "VerificationOut"):
        field = schemas[name]["properties"]["course_title_lang"]
        assert field["type"] == "string" and "language" in field["description"], name
        assert "course_title_lang" in schemas[name]["required"], name


def test_the_holders_data_export_gives_the_title_with_its_language(world, login, api):
    course = _course(world)
    f.speaks(world.kh_le, "km")
    _certify_in_thai(world, course, [(world.kh_le, world.kh_police)])
    for data in (
        login(world.kh_le).get("/network/me/data.json").json(),
        api(world.kh_le).get("/api/v1/me/data").json(),
    ):
        (certificate,) = data["training"]["certificates"]
        assert (certificate["course_title"], certificate["course_title_lang"]) == (KHMER, "km")
        (enrolment,) = data["training"]["enrolments"]
        assert enrolment["certificate"]["course_title_lang"] == "km"
