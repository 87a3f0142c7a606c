"""A library resource starts with the shared page header: back to the library, then its title in
the language it is written in."""

import re

from tests.network.test_detail_headers import _crumbs


def test_a_resource_page_leads_back_to_the_library(world, login, lib):
    resource = lib.r.green
    html = login(world.kh_member).get(f"/library/{resource.pk}/").content.decode()
    assert '<header class="page-header">' in html
    assert '<nav aria-label="Breadcrumb"><a' not in html  # the old markup
    assert _crumbs(html) == ["Library", resource.title]
    assert f'<span aria-current="page">{resource.title}</span>' in html
    assert re.search(r'<h1 lang="[a-z-]+">' + re.escape(resource.title) + "</h1>", html)
