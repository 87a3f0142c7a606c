"""What the trainer reads on a delivery and its attendance pages: people named with their
organisation, the language by its name in the reader's language, dates in the one format of the
reader's language."""

import re

from django.utils import translation
from django.utils.formats import date_format

from protectnet.network.models import person_label
from tests import factories as f


def test_delivery_page_names_trainers_language_and_days(tw, login):
    trainer = tw.w.trainer.person
    html = login(tw.w.trainer).get(f"/training/deliveries/{tw.delivery.pk}/").content.decode()
    trainers = re.search(r"<dt>Trainers</dt><dd>(.*?)</dd>", html).group(1)
    assert trainers == person_label(trainer.full_name, [tw.w.uk_agency])
    assert "<dt>Language</dt><dd>Khmer</dd>" in html
    first = tw.delivery.start_date
    day_link = f"/training/deliveries/{tw.delivery.pk}/attendance/{first.isoformat()}/"
    link = re.search(rf'<a href="{day_link}">(.*?)</a>', html).group(1)
    assert f'<time datetime="{first.isoformat()}">{date_format(first)}</time>' in link


def test_attendance_page_names_trainees_with_their_agency(tw, login):
    day = tw.delivery.start_date
    url = f"/training/deliveries/{tw.delivery.pk}/attendance/{day.isoformat()}/"
    html = login(tw.w.trainer).get(url).content.decode()
    assert f"<h1>Attendance on {date_format(day)}</h1>" in html
    assert f'<time datetime="{day.isoformat()}">' in html  # the way back: course and first day
    for e, agency in ((tw.kh_le, tw.w.kh_police), (tw.guest, tw.w.kh_ngo)):
        assert person_label(e.person.full_name, [agency]) in html


def test_deliveries_list_names_the_language(tw, login):
    html = login(tw.w.trainer).get(f"/training/courses/{tw.course.pk}/").content.decode()
    assert '<td data-label="Language">Khmer</td>' in html


def test_a_thai_trainer_reads_the_language_and_the_courses_languages_in_thai(tw, login):
    client = login(f.speaks(tw.w.trainer, "th"))
    khmer, english = "เขมร", "อังกฤษ"  # CLDR's Thai names
    course = client.get(f"/training/courses/{tw.course.pk}/").content.decode()
    assert f"<dd>{english}, {khmer}</dd>" in course  # stored as ["en", "km"]
    assert f'<td data-label="{_th("Language")}">{khmer}</td>' in course
    delivery = client.get(f"/training/deliveries/{tw.delivery.pk}/").content.decode()
    assert f"<dd>{khmer}</dd>" in delivery


def _th(text: str) -> str:
    with translation.override("th"):
        return translation.gettext(text)
