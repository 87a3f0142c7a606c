"""The PDFs' font stack (templates/pdf/base.html) picks Chinese glyph shapes by language: a
document in Hong Kong Chinese (zh-hant), or a text marked so inside another, is set in the
Traditional faces (Hong Kong's first), everything else in the Simplified ones. The faces
WeasyPrint embedded are read from the PDF itself."""

import io

import pytest
from django.utils import translation
from pypdf import PdfReader

from protectnet.training.certificate_pdf import certificate_pdf
from protectnet.training.models import Certificate
from tests.training.conftest import enrol, key, make_course, make_delivery, reload

pytestmark = pytest.mark.django_db

CHINESE = "陳大文"


def _certificate(world, **changes) -> Certificate:
    """A certificate (the only PDF whose texts a test sets freely), its copied facts changed."""
    from protectnet.training import services

    course = make_course(world)
    delivery = make_delivery(world, course)
    enrolment = enrol(world, delivery, world.kh_le, world.kh_police)
    for day in delivery.days:
        services.attendance_record(
            actor=world.trainer, delivery=delivery, day=day, present_ids={enrolment.pk}
        )
    services.test_submit(
        actor=world.kh_le, enrolment=reload(enrolment), kind="post", answers=key(course)
    )
    services.delivery_completion_mark(actor=world.trainer, delivery=delivery)
    cert = Certificate.objects.get(enrolment=enrolment)
    for name, value in changes.items():
        setattr(cert, name, value)
    return cert


def _cjk_faces(pdf: bytes) -> set[str]:
    """The regions of the CJK faces embedded ("HK" for /ABCDEF+Noto-Sans-CJK-HK)."""
    faces = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            name = str(font.get_object()["/BaseFont"])
            if "CJK-" in name:
                faces.add(name.split("CJK-")[1][:2])
    return faces


def test_a_hong_kong_chinese_pdf_uses_the_traditional_faces(world):
    cert = _certificate(world, holder_name=CHINESE)
    with translation.override("zh-hant"):
        pdf = certificate_pdf(cert)
    assert _cjk_faces(pdf) == {"HK"}


def test_other_pdfs_keep_the_simplified_faces_for_chinese(world):
    cert = _certificate(world, holder_name=CHINESE)
    pdf = certificate_pdf(cert)
    assert _cjk_faces(pdf) == {"SC"}


def test_a_text_marked_hong_kong_chinese_in_an_english_pdf_uses_the_traditional_faces(world):
    cert = _certificate(world, course_title=CHINESE, course_title_lang="zh-hant")
    pdf = certificate_pdf(cert)
    assert _cjk_faces(pdf) == {"HK"}
