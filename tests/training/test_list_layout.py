"""Training's lists start with the page header, and an empty one says what to do next."""

import re

from .conftest import make_course, make_delivery


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_empty_catalogue_offers_a_trainer_admin_a_new_course(world, login):
    html = _page(login(world.admin), "/training/")
    assert '<header class="page-header">' in html
    assert "No courses yet" in html and 'href="/training/courses/new/">New course</a>' in html


def test_empty_catalogue_tells_a_member_who_publishes_courses(world, login):
    html = _page(login(world.kh_member), "/training/")
    assert "trainers publish courses here" in html and "/training/courses/new/" not in html


def test_no_enrolment_points_to_the_catalogue(world, login):
    html = _page(login(world.kh_member), "/training/mine/")
    assert "You are not enrolled in any course." in html
    assert 'href="/training/">See the course catalogue</a>' in html


def test_the_catalogue_counts_each_courses_deliveries(world, login):
    busy = make_course(world, title="Busy course")
    make_course(world, title="Quiet course")
    for _ in range(3):
        make_delivery(world, busy)
    html = _page(login(world.kh_member), "/training/")
    cells = re.findall(r'data-label="Deliveries">(\d+)<', html)
    titles = [t for t in ("Busy course", "Quiet course") if t in html]
    assert titles == ["Busy course", "Quiet course"] and cells == ["3", "0"], (titles, cells)
