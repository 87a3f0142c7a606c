"""TLP:AMBER vs TLP:AMBER+STRICT in practice: a recipient agency's vetted member may share an
AMBER alert with a vetted colleague of another law-enforcement agency of the same country (read
only, audited, visible to the sender); AMBER+STRICT and RED alerts cannot be shared at all."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from protectnet.access.markings import Marking
from protectnet.access.models import AuditEntry
from protectnet.alerts import services
from protectnet.alerts.models import AlertRead, AlertShare
from protectnet.alerts.retention import apply_retention
from protectnet.network.models import Membership, Vetting
from tests import factories as f

from .conftest import SUBJECT_NAME, SUMMARY

STRICT_REFUSAL = "may not be shared outside the recipient agencies"


@pytest.fixture
def s(w):
    """A second Cambodian law-enforcement agency: one vetted officer, one not vetted."""
    w.kh_immigration = f.OrganisationFactory(
        name="Cambodian Test Immigration Police", sector="law_enforcement", country=w.kh
    )
    w.kh_imm = f.make_le_vetted(w.kh_immigration, "le.imm.kh@example.test")
    w.kh_imm_unvetted = f.member_of(w.kh_immigration, "unvetted.imm.kh@example.test")
    return w


def _share(api, user, alert, person):
    body = {"person_id": person.pk}
    return api(user).post(
        f"/api/v1/alerts/{alert.pk}/shares", body, content_type="application/json"
    )


def test_recipient_shares_an_amber_alert_with_a_colleague_of_another_agency(
    s, send, login, api, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.DEBUG)
    alert = send()
    assert login(s.kh_imm).get(f"/alerts/{alert.pk}/").status_code == 404
    page = login(s.kh_le).get(f"/alerts/{alert.pk}/").content.decode()
    assert "Share with this colleague" in page and s.kh_imm.person.display_name in page
    with django_capture_on_commit_callbacks(execute=True):
        response = login(s.kh_le).post(f"/alerts/{alert.pk}/share/", {"person": s.kh_imm.person.pk})
    assert response.status_code == 302
    # The colleague reads it (page and API), told that it was shared and not to pass it on.
    body = login(s.kh_imm).get(f"/alerts/{alert.pk}/").content.decode()
    assert SUBJECT_NAME in body and SUMMARY in body and "do not pass it on" in body
    assert api(s.kh_imm).get(f"/api/v1/alerts/{alert.pk}").json()["summary"] == SUMMARY
    # The read is logged on behalf of the colleague's agency, for the sender to see.
    read = AlertRead.objects.filter(user=s.kh_imm).first()
    assert read.organisation_id == s.kh_immigration.pk
    sender = api(s.uk_le).get(f"/api/v1/alerts/{alert.pk}").json()
    assert [x["person_id"] for x in sender["shares"]] == [s.kh_imm.person.pk]
    assert (
        "Cambodian Test Immigration Police"
        in login(s.uk_le).get(f"/alerts/{alert.pk}/").content.decode()
    )
    entry = AuditEntry.objects.get(object_id=str(alert.pk), action="alerts.alert.share")
    assert entry.data == {
        "person": s.kh_imm.person.pk,
        "organisation": s.kh_immigration.pk,
        "from": s.kh_police.pk,
    }
    # The colleague is told by email that something is waiting, and nothing more.
    [message] = [m for m in mail.outbox if m.to == [s.kh_imm.email]]
    assert "shared" in message.subject
    logs = "\n".join(r.getMessage() for r in caplog.records)
    for secret in (SUBJECT_NAME, SUMMARY):
        assert secret not in message.body and secret not in logs


def test_the_colleague_only_reads(s, send, login, api):
    alert = send()
    services.alert_share(actor=s.kh_le, alert=alert, person_id=s.kh_imm.person.pk)
    client = login(s.kh_imm)
    page = client.get(f"/alerts/{alert.pk}/").content.decode()
    assert "Acknowledge receipt" not in page and "Add reply" not in page
    assert "Share with this colleague" not in page
    for action in ("acknowledge", "close"):
        assert client.post(f"/alerts/{alert.pk}/{action}/").status_code == 404, action
    assert client.post(f"/alerts/{alert.pk}/reply/", {"body": "Noted."}).status_code == 404
    assert client.post(f"/alerts/{alert.pk}/outcome/", {"outcome": "monitored"}).status_code == 404
    # No onward chain: the colleague cannot pass it on again.
    other = f.make_le_vetted(s.kh_immigration, "le2.imm.kh@example.test")
    response = _share(api, s.kh_imm, alert, other.person)
    assert response.status_code == 422
    assert not alert.replies.exists() and AlertShare.objects.count() == 1


@pytest.mark.parametrize("marking", [Marking.AMBER_STRICT, Marking.RED])
def test_amber_strict_and_red_alerts_cannot_be_shared(s, send, login, api, marking):
    named = {"named_person_ids": [s.kh_le.person.pk]} if marking == Marking.RED else {}
    alert = send(marking=marking, **named)
    if marking == Marking.RED:
        services.alert_approve(actor=s.uk_le2, alert=alert)
    assert (
        "Share with this colleague"
        not in login(s.kh_le).get(f"/alerts/{alert.pk}/").content.decode()
    )
    response = _share(api, s.kh_le, alert, s.kh_imm.person)
    assert response.status_code == 422
    if marking == Marking.AMBER_STRICT:
        assert STRICT_REFUSAL in response.json()["errors"][0]["__all__"][0]
    page = login(s.kh_le).post(
        f"/alerts/{alert.pk}/share/", {"person": s.kh_imm.person.pk}, follow=True
    )
    assert page.status_code == 200
    assert not AlertShare.objects.exists()
    assert login(s.kh_imm).get(f"/alerts/{alert.pk}/").status_code == 404


@pytest.mark.parametrize(
    "target",
    ["th_le", "kh_le2", "kh_imm_unvetted", "admin", "kh_member", "uk_le2", "missing"],
)
def test_only_vetted_colleagues_of_other_agencies_of_the_same_country(s, send, api, target):
    """Another country, the own agency, not vetted, not law enforcement, the sender's agency."""
    alert = send()
    person = f.PersonFactory.build(pk=999_999) if target == "missing" else getattr(s, target).person
    response = _share(api, s.kh_le, alert, person)
    assert response.status_code == 422, target
    assert "person" in response.json()["errors"][0]
    assert not AlertShare.objects.exists()


def test_sharing_twice_with_the_same_colleague_is_refused(s, send, api):
    alert = send()
    assert _share(api, s.kh_le, alert, s.kh_imm.person).status_code == 201
    assert _share(api, s.kh_le2, alert, s.kh_imm.person).status_code == 422
    assert AlertShare.objects.count() == 1


@pytest.mark.parametrize("who", ["uk_le", "uk_le2"])
def test_the_sending_agency_does_not_share_its_own_alert(who, s, send, api):
    alert = send()
    response = _share(api, getattr(s, who), alert, s.kh_imm.person)
    assert response.status_code == 422
    assert "recipient agency" in response.json()["errors"][0]["__all__"][0]


@pytest.mark.parametrize(
    "who", ["kh_le_unvetted", "th_le", "admin", "kh_member", "kh_focal", "guest", None]
)
def test_outsiders_get_404_from_the_share_page_and_api(who, s, send, login, api):
    alert = send()
    user = getattr(s, who) if who else None
    page = login(user).post(f"/alerts/{alert.pk}/share/", {"person": s.kh_imm.person.pk})
    assert page.status_code == 404
    assert _share(api, user, alert, s.kh_imm.person).status_code in (
        (401, 404) if who is None else (404,)
    )
    assert not AlertShare.objects.exists()


def test_retraction_takes_the_content_from_the_colleague_too(s, send, login):
    alert = send()
    services.alert_share(actor=s.kh_le, alert=alert, person_id=s.kh_imm.person.pk)
    services.alert_retract(actor=s.uk_le, alert=alert, reason="sent_in_error")
    body = login(s.kh_imm).get(f"/alerts/{alert.pk}/").content.decode()
    assert "Retracted" in body and SUMMARY not in body


def test_lost_vetting_or_membership_cuts_the_colleague_off(s, send, login):
    alert = send()
    services.alert_share(actor=s.kh_le, alert=alert, person_id=s.kh_imm.person.pk)
    client = login(s.kh_imm)
    assert client.get(f"/alerts/{alert.pk}/").status_code == 200
    Membership.objects.filter(person=s.kh_imm.person).update(
        end_date=timezone.localdate() - timedelta(days=1)
    )
    assert client.get(f"/alerts/{alert.pk}/").status_code == 404
    Membership.objects.filter(person=s.kh_imm.person).update(end_date=None)
    assert client.get(f"/alerts/{alert.pk}/").status_code == 200
    Vetting.objects.filter(person=s.kh_imm.person).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )
    assert client.get(f"/alerts/{alert.pk}/").status_code == 404


def test_closed_alerts_cannot_be_shared_and_purging_removes_the_shares(s, send, api, settings):
    alert = send()
    services.alert_share(actor=s.kh_le, alert=alert, person_id=s.kh_imm.person.pk)
    services.alert_close(actor=s.uk_le, alert=alert)
    other = f.make_le_vetted(s.kh_immigration, "le2.imm.kh@example.test")
    assert _share(api, s.kh_le, alert, other.person).status_code == 422
    settings.ALERT_RETENTION_DAYS = 1
    apply_retention(now=timezone.now() + timedelta(days=2))
    assert not AlertShare.objects.filter(alert=alert).exists()


@pytest.mark.queries("alerts:alert_list")
def test_the_colleagues_list_takes_the_same_queries_for_2_and_20_shared_alerts(s, send, login):
    client = login(s.kh_imm)

    def share(n):
        for _ in range(n):
            alert = send()
            services.alert_share(actor=s.kh_le, alert=alert, person_id=s.kh_imm.person.pk)

    def count():
        client.get("/alerts/")
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/alerts/")
        assert response.status_code == 200
        return len(ctx.captured_queries), response.context["page_obj"].paginator.count

    share(2)
    small, seen = count()
    assert seen == 2
    share(18)
    assert count() == (small, 20)
