"""A course written or changed by someone reading Khmer or Thai keeps the English original in
the base columns (`title`, `summary`), which raw SQL, exports and a reversed migration read.

`rewrite(False)`: django-modeltranslation's queryset would otherwise read `title` as the active
language's column; this reads the base column itself."""

from dataclasses import replace

import pytest
from django.utils import translation

from protectnet.training import services
from protectnet.training.models import Course

from .conftest import course_data

TRANSLATED = {
    "km": {"title": "ការស៊ើបអង្កេតតាមអ៊ីនធឺណិត", "summary": "សេចក្តីសង្ខេប"},
    "th": {"title": "การสืบสวนออนไลน์สำหรับตำรวจ", "summary": "บทสรุป"},
}


def _base(course) -> tuple[str, str]:
    return Course.objects.rewrite(False).values_list("title", "summary").get(pk=course.pk)


@pytest.mark.parametrize("lang", ["km", "th"])
def test_a_course_created_in_another_language_keeps_english_in_the_base_columns(world, lang):
    data = course_data(world, title="Online investigations", summary="Evidence online.")
    with translation.override(lang):
        course = services.course_create(
            actor=world.admin, data=data, translations={lang: TRANSLATED[lang]}
        )
    assert (
        Course.objects.rewrite(False).filter(pk=course.pk).values_list("title", flat=True).get()
        == "Online investigations"
    )
    assert _base(course) == ("Online investigations", "Evidence online.")
    assert getattr(Course.objects.get(pk=course.pk), f"title_{lang}") == TRANSLATED[lang]["title"]


@pytest.mark.parametrize("lang", ["km", "th"])
def test_a_course_changed_in_another_language_keeps_english_in_the_base_columns(world, lang):
    course = services.course_create(
        actor=world.admin, data=course_data(world), translations={lang: TRANSLATED[lang]}
    )
    course = Course.objects.get(pk=course.pk)
    renamed = replace(services.CourseInput.of(course), title="Renamed", summary="New summary.")
    with translation.override(lang):
        services.course_update(actor=world.admin, course=course, data=renamed)
    assert _base(course) == ("Renamed", "New summary.")
