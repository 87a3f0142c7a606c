"""Every list page cuts its rows into pages the same way, and a page number from the address
bar, however odd, is answered with a page of the list rather than an error."""

import pytest
from django.core.paginator import Page
from django.test import RequestFactory

from protectnet.core.pagination import PER_PAGE, paginate
from tests import factories as f

ODD_NUMBERS = ["0", "-3", "abc", "2.5", "", "99999", "9" * 5000]


def _page(number=None, rows=60, **kwargs) -> Page:
    query = {} if number is None else {"page": number}
    return paginate(RequestFactory().get("/", query), list(range(rows)), **kwargs)


@pytest.fixture
def many_organisations(world):
    for i in range(PER_PAGE + 5):
        f.OrganisationFactory(name=f"Paged Organisation {i:02d}", country=world.kh)
    return world


@pytest.mark.parametrize(
    ("number", "shown"),
    [("2", "Page 2 of 2"), ("99", "Page 2 of 2"), ("0", "Page 1 of 2"), ("abc", "Page 1 of 2")],
)
def test_the_organisation_list_answers_any_page_number_with_a_page(
    many_organisations, login, number, shown
):
    response = login(many_organisations.kh_member).get("/network/organisations/", {"page": number})
    assert response.status_code == 200
    assert shown in response.content.decode()


@pytest.mark.parametrize(
    ("url", "role"),
    [
        ("/network/", "kh_member"),
        ("/network/organisations/", "kh_member"),
        ("/workshops/", "kh_member"),
        ("/training/", "kh_member"),
        ("/alerts/", "kh_le"),
        ("/alerts/overdue/", "kh_le"),
        ("/audit/", "admin"),
    ],
)
@pytest.mark.parametrize("number", ODD_NUMBERS)
def test_no_list_page_fails_on_an_odd_page_number(world, login, url, role, number):
    response = login(getattr(world, role)).get(url, {"page": number})
    assert response.status_code == 200


def test_a_page_in_range_is_that_page():
    page = _page("2")
    assert isinstance(page, Page)
    assert page.number == 2
    assert list(page.object_list) == list(range(PER_PAGE, 2 * PER_PAGE))


def test_no_number_is_the_first_page():
    assert _page().number == 1


@pytest.mark.parametrize(("number", "expected"), [("99", 3), ("0", 1), ("-3", 1), ("abc", 1)])
def test_a_number_out_of_range_or_not_a_number_gives_the_nearest_page(number, expected):
    assert _page(number).number == expected


@pytest.mark.parametrize("number", ODD_NUMBERS)
def test_an_empty_list_is_one_empty_page(number):
    page = _page(number, rows=0)
    assert page.number == 1
    assert list(page.object_list) == []


def test_the_page_size_is_the_callers_choice():
    page = _page("2", per_page=50)
    assert page.paginator.per_page == 50
    assert list(page.object_list) == list(range(50, 60))
