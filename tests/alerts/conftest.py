"""Alert fixtures: the shared `world` plus a second vetted member of the UK agency (four-eyes)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from protectnet.access.markings import Marking
from protectnet.alerts import services
from protectnet.alerts.attachments import CheckedFile
from protectnet.alerts.models import AlertType
from tests import factories as f
from tests.conftest import SUITE_FIELD_KEY

SUBJECT_NAME = "Gareth Allan Sampleton"
SUMMARY = "Please consider refusing entry; unique-summary-marker-7731."
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def travel_subject(**extra) -> dict:
    subject = {
        "full_name": SUBJECT_NAME,
        "date_of_birth": "1968-05-14",
        "nationality": "GB",
        "travel_document": "Passport 900000001",
        "departure_date": (timezone.localdate() + timedelta(days=5)).isoformat(),
        "route": "London – Bangkok – Phnom Penh",
        "basis": "conviction",
        "risk_summary": "Convicted of contact offences against children (fictitious).",
    }
    subject.update(extra)
    return subject


def alert_input(recipients, **overrides) -> services.AlertInput:
    data = {
        "alert_type": AlertType.TRAVEL_NOTIFICATION,
        "recipient_organisation_ids": [o.pk for o in recipients],
        "marking": Marking.AMBER,
        "priority": "high",
        "ack_deadline": timezone.now() + timedelta(days=2),
        "summary": SUMMARY,
        "subject": travel_subject(),
    }
    data.update(overrides)
    return services.AlertInput(**data)


# The suite's key: the shared world (built once per module) is encrypted under it.
TEST_KEY = SUITE_FIELD_KEY


@pytest.fixture(autouse=True)
def encryption_key(settings):
    """Tests run with DEBUG=False, so (as in production) a configured key is required."""
    settings.FIELD_ENCRYPTION_KEYS = [TEST_KEY]
    return TEST_KEY


@pytest.fixture
def w(world):
    world.uk_le2 = f.make_le_vetted(world.uk_agency, "le2.uk@example.test")
    world.kh_le2 = f.make_le_vetted(world.kh_police, "le2.kh@example.test")
    return world


@pytest.fixture
def send(w):
    """send(recipients=[...], sender=w.uk_le, **input overrides) -> a sent (or submitted) alert."""

    def _send(recipients=None, sender=None, send=True, now=None, files=(), **overrides):
        recipients = recipients if recipients is not None else [w.kh_police]
        data = alert_input(recipients, **overrides)
        data.files = list(files)
        return services.alert_create(actor=sender or w.uk_le, data=data, send=send, now=now)

    return _send


@pytest.fixture
def pdf_file():
    return CheckedFile(name="notice.pdf", content_type="application/pdf", data=PDF_BYTES)


@pytest.fixture
def avoided_term() -> str:
    """A discouraged term, read from the terminology data so the words live only there."""
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "protectnet/terminology/data/terminology.csv"
    with path.open(encoding="utf-8") as handle:
        return next(r["term"] for r in csv.DictReader(handle) if r["severity"] == "avoid")
