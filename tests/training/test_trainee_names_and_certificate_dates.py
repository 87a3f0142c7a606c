"""Trainees are named as everywhere (full name and the agency they came from) in a delivery's
trainee rows, never by a preferred name alone; the certificate gives its dates in the one date
format of the language it is made in."""

import io
import re

import pytest
from django.utils import translation
from django.utils.formats import date_format
from pypdf import PdfReader

from protectnet.network.models import person_label
from protectnet.training.certificate_pdf import certificate_pdf

from .test_certificates import _certify


def test_trainee_rows_name_the_person_and_the_agency(tw, login):
    person = tw.kh_le.person
    person.preferred_name = "Dara"
    person.save(update_fields=["preferred_name"])
    html = login(tw.w.trainer).get(f"/training/deliveries/{tw.delivery.pk}/").content.decode()
    rows = re.findall(r'<th scope="row">(.*?)</th>', html)
    assert person_label(person.full_name, [tw.w.kh_police]) in rows
    assert person_label(tw.guest.person.full_name, [tw.w.kh_ngo]) in rows
    assert "Dara" not in rows


@pytest.mark.parametrize("language", ["en", "vi"])
def test_certificate_dates_follow_the_language(language, world):
    with translation.override(language):
        cert = _certify(world, world.kh_le, world.kh_police)
        pdf = certificate_pdf(cert)
        expected = [date_format(d, "DATE_FORMAT") for d in (cert.start_date, cert.end_date)]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    for shown in expected:
        assert shown in text
