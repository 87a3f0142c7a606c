"""The demo loader: fictitious alerts in every state, idempotent."""

import pytest
from django.utils import timezone

from protectnet.alerts.models import Alert, AlertRecipient, Status
from protectnet.alerts.retention import apply_retention
from protectnet.demo import alerts as demo
from tests import factories as f


@pytest.fixture
def demo_accounts(db, settings):
    """What the network demo provides: the three agencies and their vetted accounts, made as
    the demo makes them: in development, their authenticator seeds under the derived key."""
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.DEBUG = True
    gb = f.CountryFactory(code="GB", region="europe")
    kh = f.CountryFactory(code="KH")
    th = f.CountryFactory(code="TH")
    for country, email, name in [
        (gb, "le.uk@protectnet.test", "UK Child Protection Agency (fictitious)"),
        (kh, "le.kh@protectnet.test", "Cambodian National Police"),
        (th, "le.th@protectnet.test", "Royal Thai Police"),
    ]:
        org = f.OrganisationFactory(name=name, sector="law_enforcement", country=country)
        f.make_le_vetted(org, email)


def test_demo_loads_every_state_once(demo_accounts, settings):
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.DEBUG = True  # the demo runs in development, with the derived key
    demo.load()
    demo.load()
    assert Alert.objects.count() == 6
    statuses = set(Alert.objects.values_list("status", flat=True))
    assert statuses == {
        Status.SENT,
        Status.ACKNOWLEDGED,
        Status.CLOSED,
        Status.PURGED,
        Status.RETRACTED,
    }
    overdue = AlertRecipient.objects.filter(
        alert__status=Status.SENT,
        acknowledged_at__isnull=True,
        alert__ack_deadline__lt=timezone.now(),
    )
    assert overdue.count() == 1
    travel = Alert.objects.get(reference="PA-DEMO01")
    assert travel.subject["full_name"] == "Gareth Allan Sampleton"
    assert travel.sender_organisation.country.code == "GB"
    assert travel.recipients.get().organisation.name == "Cambodian National Police"
    # The purged one really holds nothing, and retention leaves the closed one (recent) alone.
    assert Alert.objects.get(reference="PA-DEMO05").summary_ciphertext == ""
    assert apply_retention() == 0


def test_demo_does_nothing_without_the_network_demo(db):
    demo.load()
    assert Alert.objects.count() == 0


def test_demo_skips_alerts_where_they_cannot_be_encrypted(demo_accounts, settings):
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.DEBUG = False
    demo.load()
    assert Alert.objects.count() == 0


def test_demo_alerts_open_for_their_agencies(demo_accounts, settings, login):
    from protectnet.accounts.models import User

    settings.FIELD_ENCRYPTION_KEYS = []
    settings.DEBUG = True
    demo.load()
    seen = {}
    for email in ("le.uk@protectnet.test", "le.kh@protectnet.test", "le.th@protectnet.test"):
        client = login(User.objects.get(email=email))
        refs = set()
        for alert in Alert.objects.all():
            response = client.get(f"/alerts/{alert.pk}/")
            assert response.status_code in (200, 404)
            if response.status_code == 200:
                refs.add(alert.reference)
        seen[email] = refs
    # Thailand's referral to Cambodia (03) is none of the UK's business.
    assert seen["le.uk@protectnet.test"] == {f"PA-DEMO0{i}" for i in (1, 2, 4, 5, 6)}
    assert seen["le.kh@protectnet.test"] == {"PA-DEMO01", "PA-DEMO03", "PA-DEMO04", "PA-DEMO05"}
    assert seen["le.th@protectnet.test"] == {"PA-DEMO02", "PA-DEMO03", "PA-DEMO05", "PA-DEMO06"}
    retracted = login(User.objects.get(email="le.th@protectnet.test")).get(
        f"/alerts/{Alert.objects.get(reference='PA-DEMO06').pk}/"
    )
    assert "Sent to the wrong agency" not in retracted.content.decode()
