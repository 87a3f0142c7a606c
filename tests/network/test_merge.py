"""Merging two entries of one person: every registration, enrolment, membership and audit link
is kept, a conflict is reported before anything moves, one audit entry records it. Every name
and address is fictitious."""

from datetime import date

import pytest

from protectnet.access.models import AuditEntry
from protectnet.network.models import FocalPoint, Membership, Person
from protectnet.network.person_links import person_links
from protectnet.training.models import Course, Delivery, Enrolment
from protectnet.workshops import models as ws
from tests import factories as f
from tests.network.conftest import person_in


def _register(w, workshop, person) -> ws.Registration:
    invitation = ws.Invitation.objects.create(
        workshop=workshop, person=person, token_hash=f"{person.pk:064d}"
    )
    return ws.Registration.objects.create(
        workshop=workshop,
        invitation=invitation,
        person=person,
        organisation=w.kh_ngo,
        consent_participant_list=True,
    )


def _delivery(w) -> Delivery:
    course = Course.objects.create(
        title="Online investigations",
        summary="Fictitious",
        duration_hours=8,
        delivering_organisation=w.uk_agency,
    )
    return Delivery.objects.create(
        course=course,
        start_date=date(2030, 1, 5),
        end_date=date(2030, 1, 6),
        host_country=w.kh,
        capacity=10,
        language="en",
    )


@pytest.fixture
def pair(d):
    """The kept "Sok Bopha" and her second entry, which holds a little of everything."""
    d.keep = person_in(d.kh_ngo, "Sok Bopha")
    d.keep.email = ""
    d.keep.save(update_fields=["email"])
    d.dup = person_in(d.kh_ngo, "Sok Bopha", email="bopha.sok@example.test", phone="+85512777888")
    f.MembershipFactory(person=d.dup, organisation=d.kh_police)
    f.account("bopha.sok@example.test", person=d.dup)
    d.workshop = f.WorkshopFactory(host_country=d.kh, edition=41)
    d.registration = _register(d, d.workshop, d.dup)
    d.delivery = _delivery(d)
    d.enrolment = Enrolment.objects.create(
        delivery=d.delivery, person=d.dup, organisation=d.kh_ngo, status="completed"
    )
    d.red.named_people.add(d.dup, d.keep)
    d.focal = FocalPoint.objects.create(country=d.th, person=d.dup)
    return d


def _merge_url(pair) -> str:
    return f"/network/people/{pair.dup.pk}/merge/?into={pair.keep.pk}"


def test_the_confirmation_lists_what_moves(pair, login):
    page = login(pair.admin).get(_merge_url(pair)).content.decode()
    assert "Merge into Sok Bopha (Cambodian Test NGO)?" in page
    assert "Workshops: registrations: 1 move to the kept entry." in page
    assert "Training: enrolments: 1 move to the kept entry." in page
    assert "Network: memberships: 2 move to the kept entry." in page
    assert "The account moves to the kept entry." in page
    assert "email, phone" in page  # the kept entry's empty fields
    assert Person.objects.get(pk=pair.dup.pk).erased_at is None  # nothing done by looking


def test_merging_keeps_every_registration_enrolment_membership_and_audit_link(pair, login):
    client = login(pair.admin)
    entry = {"full_name": "Sok Bopha", "email": "bopha.sok@example.test", "phone": "+85512777888"}
    assert client.post(f"/network/people/{pair.dup.pk}/edit/", entry).status_code == 302
    earlier = AuditEntry.objects.filter(object_id=str(pair.dup.pk)).count()
    response = client.post(_merge_url(pair), {"into": pair.keep.pk})
    assert response.status_code == 302
    assert response["Location"] == f"/network/people/{pair.keep.pk}/"
    pair.registration.refresh_from_db()
    pair.enrolment.refresh_from_db()
    assert pair.registration.person_id == pair.keep.pk
    assert pair.enrolment.person_id == pair.keep.pk
    assert Membership.objects.filter(person=pair.keep).count() == 3
    assert FocalPoint.objects.get(pk=pair.focal.pk).person_id == pair.keep.pk
    named = set(pair.red.named_people.values_list("pk", flat=True))
    assert named == {pair.kh_member.person.pk, pair.keep.pk}  # named once, not twice
    for link in person_links():
        assert not link.rows_of(pair.dup.pk).exists(), link.key
    keep, dup = Person.objects.get(pk=pair.keep.pk), Person.objects.get(pk=pair.dup.pk)
    assert keep.user.email == "bopha.sok@example.test"
    assert (keep.email, keep.phone) == ("bopha.sok@example.test", "+85512777888")
    # The entry merged away stays, erased, so the audit log's ids still name an entry.
    assert dup.erased_at is not None and dup.full_name == "" and dup.user is None
    assert AuditEntry.objects.filter(object_id=str(dup.pk)).count() == earlier > 0
    merged = AuditEntry.objects.get(action="network.person.merged")
    assert (merged.data["kept_id"], merged.data["merged_id"]) == (keep.pk, dup.pk)
    assert "Sok Bopha" not in merged.object_repr


def test_the_merged_away_entry_is_gone_from_the_directory(pair, login):
    client = login(pair.admin)
    client.post(_merge_url(pair), {"into": pair.keep.pk})
    page = login(pair.kh_member).get("/network/?q=bopha").content.decode()
    assert f"/network/people/{pair.keep.pk}/" in page
    assert f"/network/people/{pair.dup.pk}/" not in page
    assert "No possible duplicates" in client.get("/network/people/duplicates/").content.decode()


def test_two_registrations_for_one_workshop_are_reported_and_nothing_moves(pair, login):
    _register(pair, pair.workshop, pair.keep)
    client = login(pair.admin)
    page = client.get(_merge_url(pair)).content.decode()
    assert "These entries cannot be merged yet" in page
    assert "Workshops: registrations (1)" in page
    response = client.post(_merge_url(pair), {"into": pair.keep.pk})
    assert response.status_code == 200
    assert "These entries cannot be merged yet" in response.content.decode()
    pair.registration.refresh_from_db()
    assert pair.registration.person_id == pair.dup.pk
    assert Person.objects.get(pk=pair.dup.pk).erased_at is None
    assert not AuditEntry.objects.filter(action="network.person.merged").exists()


def test_two_accounts_are_a_conflict(pair, login):
    f.account("bopha.other@example.test", person=pair.keep)
    page = login(pair.admin).get(_merge_url(pair)).content.decode()
    assert "bopha.other@example.test" in page and "cannot be merged yet" in page


@pytest.mark.parametrize("into", ["self", "erased", "missing", "text"])
def test_a_merge_needs_two_live_entries(pair, login, into):
    target = {"self": pair.dup.pk, "missing": 999999, "text": "x", "erased": pair.keep.pk}[into]
    if into == "erased":
        Person.objects.filter(pk=pair.keep.pk).update(erased_at=pair.keep.created_at)
    url = f"/network/people/{pair.dup.pk}/merge/?into={target}"
    assert login(pair.admin).get(url).status_code == 404


def test_non_admins_cannot_merge(pair, login):
    response = login(pair.kh_focal).post(_merge_url(pair), {"into": pair.keep.pk})
    assert response.status_code == 403
    assert Person.objects.get(pk=pair.dup.pk).erased_at is None
