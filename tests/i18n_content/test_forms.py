"""The editing forms keep the main field as the original and offer "Add a translation" with one
field per language (a <details> each, no JavaScript); bad input loses nothing stored."""

import re

from protectnet.library.models import Resource
from protectnet.training.models import Course
from protectnet.workshops.models import Session, Workshop

from .conftest import KM_TITLE, TH_TITLE, reader


def _workshop_post(workshop, **extra) -> dict:
    data = {
        "series": workshop.series_id,
        "edition": workshop.edition,
        "title": "Regional workshop on child protection",
        "status": workshop.status,
        "host_country": workshop.host_country_id,
        "city": workshop.city,
        "venue_name": workshop.venue_name,
        "venue_address": workshop.venue_address,
        "time_zone": workshop.time_zone,
        "start_date": workshop.start_date.isoformat(),
        "end_date": workshop.end_date.isoformat(),
        "description": "",
    }
    data.update(extra)
    return data


def test_the_form_offers_one_details_per_language_with_lang_on_each_field(world, content, login):
    html = login(world.admin).get(f"/workshops/{content.workshop.pk}/edit/").content.decode()
    assert "Add a translation" in html
    km = re.search(r'<details open>\s*<summary lang="km">ខ្មែរ</summary>(.*?)</details>', html, re.S)
    assert km, "the Khmer version, already given, is open"
    assert re.search(r'<input[^>]*name="title_km"[^>]*lang="km"', km.group(1)) or re.search(
        r'<input[^>]*lang="km"[^>]*name="title_km"', km.group(1)
    )
    assert KM_TITLE in km.group(1)
    assert '<details>\n    <summary lang="vi">Tiếng Việt</summary>' in html  # none yet: closed


def test_the_main_field_shows_the_original_to_a_khmer_writer(world, content, login):
    page = reader(login, world.admin, "km").get(f"/workshops/{content.workshop.pk}/edit/")
    main = re.search(r'<input[^>]*name="title"[^>]*>', page.content.decode()).group(0)
    assert 'value="Regional workshop on child protection"' in main


def test_the_workshop_form_saves_a_translation(world, content, login):
    client = login(world.admin)
    data = _workshop_post(content.workshop, title_vi="Hội thảo khu vực", title_km=KM_TITLE)
    response = client.post(f"/workshops/{content.workshop.pk}/edit/", data)
    assert response.status_code == 302
    workshop = Workshop.objects.get(pk=content.workshop.pk)
    assert workshop.title_vi == "Hội thảo khu vực" and workshop.title_km == KM_TITLE
    assert workshop.title_en == "Regional workshop on child protection"


def test_a_khmer_writer_changing_the_main_field_changes_the_original(world, content, login):
    client = reader(login, world.admin, "km")
    data = _workshop_post(content.workshop, title="Regional workshop, renamed", title_km=KM_TITLE)
    assert client.post(f"/workshops/{content.workshop.pk}/edit/", data).status_code == 302
    workshop = Workshop.objects.get(pk=content.workshop.pk)
    assert workshop.title_en == "Regional workshop, renamed" and workshop.title_km == KM_TITLE


def test_an_emptied_translation_is_removed(world, content, login):
    data = _workshop_post(content.workshop, title_km="")
    login(world.admin).post(f"/workshops/{content.workshop.pk}/edit/", data)
    assert not Workshop.objects.get(pk=content.workshop.pk).title_km


def test_bad_input_is_refused_and_loses_nothing_stored(world, content, login):
    data = _workshop_post(
        content.workshop, end_date="2020-01-01", title_km="ចំណងជើងថ្មី", title_vi="Tiêu đề mới"
    )
    page = login(world.admin).post(f"/workshops/{content.workshop.pk}/edit/", data)
    html = page.content.decode()
    assert page.status_code == 200 and 'class="form-errors"' in html
    assert "ចំណងជើងថ្មី" in html and "Tiêu đề mới" in html  # what was typed is shown again
    workshop = Workshop.objects.get(pk=content.workshop.pk)
    assert workshop.title_km == KM_TITLE and not workshop.title_vi


def test_a_translation_too_long_is_refused(world, content, login):
    data = _workshop_post(content.workshop, title_th="ก" * 256)
    page = login(world.admin).post(f"/workshops/{content.workshop.pk}/edit/", data)
    assert page.status_code == 200 and 'id="id_title_th_error"' in page.content.decode()
    assert Workshop.objects.get(pk=content.workshop.pk).title_th != "ก" * 256


def test_the_session_form_saves_a_title_translation(world, content, login):
    workshop, session = content.workshop, content.session
    data = {
        "title": "Opening plenary",
        "kind": "plenary",
        "day": workshop.start_date.isoformat(),
        "start_time": "09:00",
        "end_time": "10:00",
        "title_th": "พิธีเปิด",
        "title_km": "ពិធីបើក",  # shown in the form, so sent back
    }
    url = f"/workshops/{workshop.pk}/sessions/{session.pk}/edit/"
    assert login(world.admin).post(url, data).status_code == 302
    session = Session.objects.get(pk=session.pk)
    assert session.title_th == "พิธีเปิด" and session.title_km == "ពិធីបើក"


def test_the_course_form_saves_a_translation(world, content, login):
    course = content.course
    data = {
        "title": course.title_en,
        "summary": course.summary_en,
        "duration_hours": 24,
        "delivering_organisation": world.uk_agency.pk,
        "attendance_threshold": 80,
        "pass_mark": 70,
        "summary_km": "របៀបស៊ើបអង្កេត",
        "title_th": course.title_th,
    }
    response = login(world.admin).post(f"/training/courses/{course.pk}/edit/", data)
    assert response.status_code == 302
    course = Course.objects.get(pk=course.pk)
    assert course.summary_km == "របៀបស៊ើបអង្កេត" and course.title_th  # the Thai title stays


def test_the_resource_form_saves_a_translation(world, content, login):
    resource = content.resource
    data = {
        "title": resource.title_en,
        "summary": resource.summary_en,
        "resource_type": "guide",
        "owner_organisation": world.uk_agency.pk,
        "marking": "GREEN",
        "published_on": resource.published_on.isoformat(),
        "languages": ["en"],
        "title_vi": "Hướng dẫn nhận dạng nạn nhân",
    }
    response = login(world.admin).post(f"/library/{resource.pk}/edit/", data)
    assert response.status_code == 302
    assert Resource.objects.get(pk=resource.pk).title_vi == "Hướng dẫn nhận dạng nạn nhân"


def test_a_translation_goes_through_the_terminology_check(world, content, login):
    data = _workshop_post(content.workshop, title_km=KM_TITLE, title_th="child pornography")
    page = login(world.admin).post(f"/workshops/{content.workshop.pk}/edit/", data)
    html = page.content.decode()
    assert page.status_code == 200 and "Save anyway" in html and "(ไทย)" in html
    assert Workshop.objects.get(pk=content.workshop.pk).title_th == TH_TITLE
