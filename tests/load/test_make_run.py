"""`make run` serves the product, not a debug server: gunicorn with DEBUG off, its keys read from
var/local.env, static files from WhiteNoise, error pages of the site's own, and signing in works
over plain http on 127.0.0.1. The server starts exactly as `manage.py serve` starts it."""

import os
import re
import subprocess

import pytest
import requests
from django.core.management import call_command
from django.db import connection

from loadtest.server import database_url, free_port, stop, wait_ready
from protectnet.core.management.commands.serve import collect_static, gunicorn_command, server_env
from tests import factories as f

pytestmark = [pytest.mark.load, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def product(tmp_path, settings):
    """A running `make run` server on a free port, on the test database; yields its base URL."""
    settings.LOCAL_ENV_FILE = tmp_path / "local.env"
    call_command("init_local_secrets", stdout=open(os.devnull, "w"))
    connection.close()  # the server's writers must not wait behind this process
    bind = f"127.0.0.1:{free_port()}"
    # Outside a test run the settings read local.env, as they do for `make run`.
    base = {k: v for k, v in os.environ.items() if k not in ("PYTEST_VERSION", "SECRET_KEY")}
    base.update(
        PROTECTNET_VAR_DIR=str(tmp_path),
        DATABASE_URL=database_url(connection.settings_dict),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    env = server_env(bind, base)
    collect_static(env)
    with open(tmp_path / "gunicorn.log", "wb") as log:
        process = subprocess.Popen(  # noqa: S603 - fixed arguments
            gunicorn_command(bind, workers=1, threads=2),
            env=env,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        try:
            wait_ready(f"http://{bind}", process)
            yield f"http://{bind}"
        finally:
            stop(process)


def browser() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no proxy between the test and the loopback server
    return session


def test_a_wrong_address_shows_the_sites_own_404_not_the_url_list(product):
    response = browser().get(product + "/no-such-page/", timeout=10)
    assert response.status_code == 404
    page = response.text
    for leak in ("URLconf", "Using the URLconf", "DEBUG = True", "Traceback", "urlpatterns"):
        assert leak not in page
    assert "Page not found" in page and '<main id="main"' in page
    assert 'href="/"' in page and 'href="/library/"' in page


def test_static_files_come_from_whitenoise_with_hashed_names(product):
    http = browser()
    page = http.get(product + "/accounts/login/", timeout=10).text
    css = re.search(r'href="(/static/css/protectnet\.[0-9a-f]{12}\.css)"', page)
    assert css, "production mode links the hashed file name from the manifest"
    response = http.get(product + css[1], timeout=10)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/css")
    assert "immutable" in response.headers["Cache-Control"]


def test_signing_in_works_over_plain_http_on_loopback(product):
    person = f.member_of(f.OrganisationFactory(), "make.run@example.test")
    connection.close()
    http = browser()
    form = http.get(product + "/accounts/login/", timeout=10)
    assert form.status_code == 200 and "csrftoken" in http.cookies
    assert "secure" not in form.headers["Set-Cookie"].lower()  # or http:// never sends it back
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)[1]
    data = {"csrfmiddlewaretoken": token, "email": person.email, "password": f.PASSWORD}
    signed_in = http.post(product + "/accounts/login/", data=data, timeout=10)
    assert signed_in.status_code == 200 and signed_in.url == product + "/"
    assert "Welcome" in signed_in.text
