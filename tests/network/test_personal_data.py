"""Personal data: a person sees and downloads everything stored about them; an admin erases."""

import json
from dataclasses import replace

from protectnet.access.models import AuditEntry
from protectnet.accounts.models import ApiToken, TOTPDevice
from protectnet.network import services
from protectnet.network.models import Membership, PanelMember, Person
from tests import factories as f


def test_a_person_downloads_everything_stored_about_them(d, login):
    f.vet(d.kh_le)
    response = login(d.kh_le).get("/network/me/data.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "le.kh@example.test"
    assert data["network"]["directory_entry"]["email"] == "le.kh@example.test"
    assert data["network"]["memberships"][0]["organisation"] == "Cambodian Test Police"
    assert data["network"]["vetting"][0]["level"] == "law_enforcement"
    assert "le_vetted" in data["network"]["roles"]
    assert AuditEntry.objects.filter(action="network.personal_data.downloaded").exists()


def test_the_download_holds_only_the_signed_in_persons_data(d, login):
    body = login(d.kh_member).get("/network/me/data.json").content.decode()
    assert "sreymom@example.test" not in body and "le.kh@example.test" not in body


def test_guests_see_their_own_data_too(d, login):
    page = login(d.guest).get("/network/me/")
    assert page.status_code == 200
    assert "guest@example.test" in page.content.decode()


def test_anonymous_visitors_have_no_data_page(d, login):
    assert login(None).get("/network/me/data.json").status_code == 302


def test_panel_seats_and_focal_roles_are_included(d, login):
    PanelMember.objects.create(panel=d.panel, person=d.kh_focal.person, discipline="justice")
    data = json.loads(login(d.kh_focal).get("/network/me/data.json").content)
    assert data["network"]["focal_point_for"] == ["KH"]
    assert data["network"]["advisory_panels"][0]["discipline"] == "justice"


def test_erasure_removes_personal_fields_disables_the_account_and_keeps_history(d, login):
    user = d.kh_le
    person = user.person
    ApiToken.objects.create(user=user, name="t", key_hash="x" * 64, hint="pn_x")
    response = login(d.admin).post(f"/network/people/{person.pk}/erase/")
    assert response.status_code == 302
    person.refresh_from_db()
    user.refresh_from_db()
    assert person.erased_at is not None
    assert (person.full_name, person.email, person.phone, person.search_text) == ("", "", "", "")
    assert person.expertise == [] and not person.consent_directory
    assert not user.is_active and "le.kh" not in user.email
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert ApiToken.objects.get(user=user).revoked_at is not None
    assert Membership.objects.filter(person=person).exists()  # history kept
    assert str(person) == "Erased person"
    entry = AuditEntry.objects.get(action="network.person.erased")
    assert entry.object_repr == f"person #{person.pk}"
    assert login(user).get("/network/").status_code == 302  # inactive: signed out


def test_audit_entries_about_people_never_carry_the_name(d):
    person = services.person_create(
        actor=d.admin, data=services.PersonInput(full_name="Heng Sovann"), organisation=d.kh_ngo
    )
    data = replace(services.PersonInput.of(person), job_title="Director")
    services.person_update(actor=d.admin, person=person, data=data)
    services.person_erase(actor=d.admin, person=Person.objects.get(pk=person.pk))
    for entry in AuditEntry.objects.filter(object_type="network.person"):
        assert "Heng" not in entry.object_repr and "Heng" not in json.dumps(entry.data)


def test_an_erased_person_cannot_be_erased_or_changed_again(d, login):
    services.person_erase(actor=d.admin, person=d.private)
    assert login(d.admin).post(f"/network/people/{d.private.pk}/erase/").status_code == 404
    assert login(d.admin).get(f"/network/people/{d.private.pk}/edit/").status_code == 200
    response = login(d.admin).post(
        f"/network/people/{d.private.pk}/edit/", {"full_name": "Back again"}
    )
    assert response.status_code == 200
    d.private.refresh_from_db()
    assert d.private.full_name == ""


def test_an_admin_cannot_erase_themselves(d, login):
    response = login(d.admin).post(f"/network/people/{d.admin.person.pk}/erase/")
    assert response.status_code == 404
    d.admin.refresh_from_db()
    assert d.admin.is_active
