"""Training's pages start with the shared page header: breadcrumbs back through the catalogue
(a trainee's through My courses), the last one the page itself, then the heading."""

import re

import pytest

from tests.network.test_detail_headers import _crumbs


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert '<nav aria-label="Breadcrumb"><a' not in html  # the old markup
    assert '<header class="page-header">' in html
    return html


@pytest.mark.parametrize(
    ("url", "tail"),
    [
        ("/training/capacity/", ["Capacity built"]),
        ("/training/courses/{course}/", ["{title}"]),
        ("/training/courses/{course}/questions/", ["{title}", "Question bank"]),
        (
            "/training/courses/{course}/questions/{question}/edit/",
            ["Question bank", "Edit question"],
        ),
        ("/training/courses/{course}/deliveries/new/", ["{title}", "Schedule a delivery"]),
        ("/training/deliveries/{delivery}/", ["{title}", "{start}"]),
        ("/training/deliveries/{delivery}/edit/", ["{title}", "Edit delivery"]),
        ("/training/deliveries/{delivery}/enrol/", ["{title}", "{start}", "Nominate a trainee"]),
        ("/training/deliveries/{delivery}/attendance/{day}/", ["{start}", "Attendance on {start}"]),
    ],
)
def test_trainer_pages_lead_back_through_the_catalogue(tw, login, url, tail):
    course, delivery = tw.course, tw.delivery
    values = {
        "course": course.pk,
        "question": course.questions.first().pk,
        "delivery": delivery.pk,
        "day": delivery.start_date.isoformat(),
        "title": course.title,
        "start": f"{delivery.start_date.day} {delivery.start_date:%b %Y}",
    }
    html = _page(login(tw.w.trainer), url.format(**values))
    crumbs = _crumbs(html)
    assert crumbs[0] == "Training"
    assert crumbs[-len(tail) :] == [t.format(**values) for t in tail]
    current = re.search(r'<span aria-current="page">(.*?)</span>', html).group(1)
    assert re.sub(r"<[^>]+>", "", current) == crumbs[-1]


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("enrolments/{pk}/test/pre/", "Pre-test"),
        ("enrolments/{pk}/evaluation/", "Course evaluation"),
    ],
)
def test_trainee_pages_lead_back_through_my_courses(tw, login, url, title):
    html = _page(login(tw.w.kh_le), "/training/" + url.format(pk=tw.kh_le.pk))
    assert _crumbs(html) == ["My courses", tw.course.title, title]
    assert re.search(rf"<h1>{title}</h1>", html)


def test_a_course_title_keeps_the_language_it_is_written_in(tw, login):
    html = _page(login(tw.w.trainer), f"/training/courses/{tw.course.pk}/")
    assert re.search(r'<h1 lang="[a-z-]+">' + re.escape(tw.course.title) + "</h1>", html)
