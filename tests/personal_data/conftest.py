"""A fictitious person with something stored in every app: the values below are planted so
that an export must show them and an erasure must leave them nowhere."""

from datetime import date, timedelta
from itertools import count
from types import SimpleNamespace

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice

from protectnet.access.markings import Marking
from protectnet.accounts.models import ApiToken, Invitation
from protectnet.alerts import crypto
from protectnet.alerts.models import Alert, AlertRead, AlertRecipient, AlertReply, AlertShare
from protectnet.library.models import AccessRequest, Resource, StagedUpload
from protectnet.network.models import ImportBatch, Person, Vetting
from protectnet.terminology.models import Term
from protectnet.training.models import (
    Certificate,
    Course,
    Delivery,
    Enrolment,
    Evaluation,
    FollowUp,
    TestSubmission,
)
from protectnet.workshops import models as ws
from tests import factories as f
from tests.conftest import SUITE_FIELD_KEY

NAME = "Chanthou Plantedname"
EMAIL = "chanthou.planted@example.test"
PASSPORT = "N0PLANT42"
PHONE = "+85512000999"
DIET = "planted-diet-marker"
EMERGENCY = "Sokha Plantedcontact"
ALERT_SUMMARY = "alert-content-marker-5521"
_seq = count(100)  # editions, codes and token hashes must stay unique
# The suite's key: the shared world (built once per module) is encrypted under it.
TEST_KEY = SUITE_FIELD_KEY


@pytest.fixture(autouse=True)
def encryption_key(settings):
    settings.FIELD_ENCRYPTION_KEYS = [TEST_KEY]


def _workshops(w, person, user, n: int):
    for _ in range(n):
        i = next(_seq)
        workshop = f.WorkshopFactory(host_country=w.kh, edition=i, title=f"Planted workshop {i}")
        delegation = ws.Delegation.objects.create(workshop=workshop, country=w.kh, quota=5)
        nomination = ws.Nomination.objects.create(
            delegation=delegation, person=person, status="approved", note=f"{NAME} speaks Khmer"
        )
        invitation = ws.Invitation.objects.create(
            workshop=workshop,
            person=person,
            delegation=delegation,
            nomination=nomination,
            token_hash=f"{i:064d}",
        )
        registration = ws.Registration.objects.create(
            workshop=workshop,
            invitation=invitation,
            person=person,
            delegation=delegation,
            organisation=w.kh_police,
            gender="female",
            consent_participant_list=True,
            dietary_needs=DIET,
            passport_full_name=NAME.upper(),
            passport_number=PASSPORT,
            passport_nationality="Cambodian",
            passport_expiry=date(2031, 1, 1),
            date_of_birth=date(1990, 2, 3),
            emergency_contact_name=EMERGENCY,
            emergency_contact_phone=PHONE,
            needs_visa_letter=True,
        )
        ws.DayAttendance.objects.create(
            registration=registration, day=workshop.start_date, method="scan"
        )
        ws.FeedbackResponse.objects.create(
            workshop=workshop,
            registration=registration,
            overall_rating=5,
            comments=f"Thank you, {NAME}",
        )
        ws.Outcome.objects.create(
            workshop=workshop,
            kind="initiative",
            title="Hotline",
            owner_organisation=w.kh_police,
            contact=person,
        )
        speaker = ws.Speaker.objects.create(person=person, name=NAME, affiliation="Test Police")
        session = ws.Session.objects.create(
            workshop=workshop,
            title="Opening",
            kind="plenary",
            starts_at=timezone.now(),
            ends_at=timezone.now() + timedelta(hours=1),
        )
        session.speakers.add(speaker)


def _training(w, person, user, n: int):
    course = Course.objects.create(
        title="Online investigations",
        summary="Fictitious",
        duration_hours=8,
        delivering_organisation=w.uk_agency,
    )
    for _ in range(n):
        i = next(_seq) - 100
        delivery = Delivery.objects.create(
            course=course,
            start_date=date(2026, 1, 5) + timedelta(days=7 * i),
            end_date=date(2026, 1, 6) + timedelta(days=7 * i),
            host_country=w.kh,
            capacity=10,
            language="en",
        )
        enrolment = Enrolment.objects.create(
            delivery=delivery, person=person, organisation=w.kh_police, status="completed"
        )
        TestSubmission.objects.create(
            enrolment=enrolment, kind="post", answers={"1": [2]}, score=1, max_score=1
        )
        Evaluation.objects.create(
            enrolment=enrolment,
            overall=5,
            relevance=5,
            trainers=5,
            materials=5,
            comments=f"{NAME} found it useful",
        )
        FollowUp.objects.create(enrolment=enrolment, months=3, example=f"{NAME} trained others")
        Certificate.objects.create(
            enrolment=enrolment,
            code=f"planted-code-{i}",
            holder_name=NAME,
            course_title=course.title,
            start_date=delivery.start_date,
            end_date=delivery.end_date,
            issuing_organisation=w.uk_agency.name,
        )


def _library(w, person, user, n: int):
    for i in range(n):
        resource = Resource.objects.create(
            title=f"Planted guide {i}",
            resource_type="guide",
            owner_organisation=w.kh_police,
            marking=Marking.AMBER,
            listed_when_restricted=True,
            created_by=user,
        )
        red = Resource.objects.create(
            title=f"Named-only guide {i}",
            resource_type="guide",
            owner_organisation=w.uk_agency,
            marking=Marking.RED,
        )
        red.named_people.add(person)
        AccessRequest.objects.create(
            resource=resource,
            requester=user,
            requester_person=person,
            requester_organisation=w.kh_police,
            reason=f"{NAME} needs it for a case",
            status="granted",
            decision_note=f"Granted to {NAME}",
        )
    StagedUpload.objects.create(
        owner=user,
        stored_name=f"planted-staged-{next(_seq)}",
        original_name="a.pdf",
        kind="pdf",
        content_type="application/pdf",
        size=1,
        sha256="0",
    )


def _alerts(w, person, user, n: int):
    for _ in range(n):
        alert = Alert.objects.create(
            alert_type="information",
            sender_organisation=w.uk_agency,
            origin_country=w.gb,
            marking=Marking.AMBER,
            ack_deadline=timezone.now() + timedelta(days=2),
            status="sent",
            sent_at=timezone.now(),
            created_by=w.uk_le,
            summary_ciphertext=crypto.encrypt_text(ALERT_SUMMARY),
        )
        AlertRecipient.objects.create(
            alert=alert,
            organisation=w.kh_police,
            country=w.kh,
            delivered_at=timezone.now(),
            acknowledged_at=timezone.now(),
            acknowledged_by=user,
        )
        AlertReply.objects.create(
            alert=alert,
            author=user,
            organisation=w.kh_police,
            body_ciphertext=crypto.encrypt_text(ALERT_SUMMARY),
        )
        AlertRead.objects.create(alert=alert, user=user, organisation=w.kh_police)
        AlertShare.objects.create(
            alert=alert,
            person=w.th_le.person,
            organisation=w.th_police,
            shared_from=w.kh_police,
            shared_by=user,
        )


def grow(w, p, n: int):
    """n more rows of every kind about the planted person (for the query-count tests)."""
    for builder in (_workshops, _training, _library, _alerts):
        builder(w, p.person, p.user, n)


@pytest.fixture
def planted(world):
    w = world
    user = f.member_of(w.kh_police, EMAIL, full_name=NAME, phone=PHONE, job_title="Inspector")
    f.vet(user)
    f.confirmed_device(user)
    person = user.person
    Vetting.objects.filter(person=person).update(notes=f"Interviewed {NAME}")
    StaticDevice.objects.create(user=user, name=f"{NAME} codes")
    ApiToken.objects.create(user=user, name=f"{NAME} laptop", key_hash="p" * 64, hint="pn_plant")
    Invitation.objects.create(
        email=EMAIL,
        token_hash="i" * 64,
        invited_by=w.admin,
        person_id=person.pk,
        expires_at=timezone.now() + timedelta(days=3),
        accepted_at=timezone.now(),
    )
    ImportBatch.objects.create(
        created_by=w.admin,
        kind="people",
        filename="people.csv",
        status="committed",
        rows=[{"full_name": NAME, "email": EMAIL}, {"full_name": "Someone Else"}],
    )
    LogEntry.objects.create(
        user=w.admin,
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(person.pk),
        object_repr=NAME,
        action_flag=CHANGE,
        change_message=f"Changed {NAME}",
    )
    Term.objects.create(
        label="planted-term",
        variants="planted phrase",
        preferred="x",
        reason="y",
        severity="info",
        updated_by=user,
    )
    _workshops(w, person, user, 1)
    _training(w, person, user, 1)
    _library(w, person, user, 1)
    _alerts(w, person, user, 1)
    return SimpleNamespace(user=user, person=person)
