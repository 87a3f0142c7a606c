"""The scripts' texts come from Django's JavaScript catalogue (djangojs), in the page's language,
loaded before any script that uses them."""

import re

import pytest


@pytest.mark.django_db
def test_every_page_loads_the_catalogue_before_its_scripts(client):
    page = client.get("/accounts/login/", headers={"accept_language": "vi"}).content.decode()
    scripts = re.findall(r'<script src="([^"]+)"', page)
    catalogue = scripts.index("/i18n/js/?language=vi")
    assert catalogue < next(i for i, src in enumerate(scripts) if "protectnet" in src)


@pytest.mark.django_db
def test_the_catalogue_is_javascript_in_the_readers_language(client):
    response = client.get("/i18n/js/?language=km", headers={"accept_language": "km"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Content-Language"] == "km"
    body = response.content.decode()
    assert "django.gettext" in body and "django.ngettext" in body
    # Asked again with the date it was served, it is not sent again.
    again = client.get(
        "/i18n/js/?language=km",
        headers={"accept_language": "km", "if_modified_since": response["Last-Modified"]},
    )
    assert again.status_code == 304
