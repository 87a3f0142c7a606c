"""The 400, 403, 404 and 500 pages: in the site's layout, saying what happened and where to go
next, never a list of the site's addresses or a trace."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, override_settings
from django.urls import path

from protectnet.access.routes import requires
from protectnet.urls import urlpatterns as site_urls
from tests.core.test_pages_and_headers import assert_no_inline_code


@requires("public.view")
def refuse(request):
    raise PermissionDenied


@requires("public.view")
def malformed(request):
    raise SuspiciousOperation("detail for the log only")


@requires("public.view")
def explode(request):
    raise RuntimeError("secret database detail 42")


urlpatterns = [
    path("test-errors/403/", refuse, name="refuse"),
    path("test-errors/400/", malformed, name="malformed"),
    path("test-errors/500/", explode, name="explode"),
    *site_urls,
]
handler400, handler403 = "protectnet.core.views.error_400", "protectnet.core.views.error_403"
handler404, handler500 = "protectnet.core.views.error_404", "protectnet.core.views.error_500"

LEAKS = ("URLconf", "urlpatterns", "Traceback", "RuntimeError", "secret database", "detail for")
CASES = [
    ("/no-such-page/", 404, "Page not found"),
    ("/test-errors/403/", 403, "You cannot open this page"),
    ("/test-errors/400/", 400, "The request could not be accepted"),
    ("/test-errors/500/", 500, "Something went wrong"),
]


@pytest.fixture
def visitor(db):
    with override_settings(ROOT_URLCONF=__name__, DEBUG=False):
        yield Client(raise_request_exception=False)


@pytest.mark.parametrize(("url", "status", "heading"), CASES)
def test_error_pages_say_what_happened_in_the_sites_layout(visitor, url, status, heading):
    response = visitor.get(url)
    assert response.status_code == status
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    for landmark in ('<header class="site-header">', '<main id="main"', "<footer"):
        assert landmark in page
    assert 'class="brand"' in page and "/static/css/protectnet" in page
    for leak in LEAKS:
        assert leak not in page
    assert_no_inline_code(response.content)


@pytest.mark.parametrize(("url", "status", "heading"), CASES)
def test_error_pages_offer_the_way_on(visitor, url, status, heading):
    page = visitor.get(url).content.decode()
    assert "Where to go from here" in page
    for href, text in [
        ("/", "ProtectNet home page"),
        ("/library/", "The public library"),
        ("/training/verify/", "Verify a training certificate"),
        ("/accounts/login/", "Sign in"),
    ]:
        assert f'<a href="{href}">{text}</a>' in page


def test_a_signed_in_member_is_not_offered_to_sign_in(world, login):
    with override_settings(ROOT_URLCONF=__name__, DEBUG=False):
        page = login(world.kh_member).get("/no-such-page/").content.decode()
    assert "Where to go from here" in page
    assert '<a href="/accounts/login/">' not in page
