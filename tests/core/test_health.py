def test_healthz_answers_without_signing_in(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_reports_the_database(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_home_shows_anonymous_visitors_the_front_page_not_a_redirect(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert b'href="/accounts/login/"' in response.content


def test_dashboard_opens_for_a_member(world, login):
    response = login(world.kh_member).get("/")
    assert response.status_code == 200
    assert b"Welcome" in response.content


def test_admin_without_verified_second_factor_is_sent_to_verify(world, client):
    client.force_login(world.admin)
    response = client.get("/")
    assert response.status_code == 302
    assert "second-factor" in response["Location"] or "login" in response["Location"]
