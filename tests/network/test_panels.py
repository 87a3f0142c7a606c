"""Advisory panels: members with disciplines; meeting minutes follow the Traffic Light Protocol."""

import pytest

from protectnet.access.models import AuditEntry
from protectnet.network.models import AdvisoryPanel, PanelMeeting, PanelMember


def test_green_minutes_are_read_by_every_member(d, login):
    body = login(d.th_member).get(f"/network/meetings/{d.green.pk}/").content.decode()
    assert "Agenda" in body


@pytest.mark.parametrize("role", ["kh_member", "th_focal", "admin", "kh_focal"])
def test_amber_strict_minutes_stay_with_the_owning_organisation(d, login, role):
    """Admin rights do not open marked minutes; kh_focal is a member of the owning police."""
    user = getattr(d, role)
    response = login(user).get(f"/network/meetings/{d.amber.pk}/")
    expected = 200 if role == "kh_focal" else 404
    assert response.status_code == expected


def test_reading_amber_minutes_is_audited(d, login):
    login(d.kh_le).get(f"/network/meetings/{d.amber.pk}/")
    entry = AuditEntry.objects.get(action="network.meeting.read")
    assert entry.object_id == str(d.amber.pk)


def test_red_minutes_only_for_named_people(d, login):
    assert login(d.kh_member).get(f"/network/meetings/{d.red.pk}/").status_code == 200
    assert login(d.kh_focal).get(f"/network/meetings/{d.red.pk}/").status_code == 404
    assert login(d.admin).get(f"/network/meetings/{d.red.pk}/").status_code == 404


def test_the_panel_page_lists_only_readable_meetings(d, login):
    body = login(d.th_member).get(f"/network/panels/{d.panel.pk}/").content.decode()
    assert "Open meeting" in body
    assert "Police-only meeting" not in body and "Named-only meeting" not in body


def test_focal_point_adds_a_member_and_records_an_amber_meeting(d, login):
    client = login(d.kh_focal)
    response = client.post(
        f"/network/panels/{d.panel.pk}/members/new/",
        {"person": d.private.pk, "discipline": "social_work", "is_chair": "on"},
    )
    assert response.status_code == 302
    seat = PanelMember.objects.get(panel=d.panel, person=d.private)
    assert seat.is_chair
    assert not PanelMember.objects.get(panel=d.panel, person=d.shared).is_chair
    response = client.post(
        f"/network/panels/{d.panel.pk}/meetings/new/",
        {
            "held_on": "2026-03-02",
            "title": "Shared planning",
            "minutes": "Plans for the workshop delegation.",
            "marking": "AMBER",
            "owner_organisation": d.kh_police.pk,
            "shared_with": [d.kh_ngo.pk],
            "terminology_confirmed": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = PanelMeeting.objects.get(title="Shared planning")
    assert login(d.kh_member).get(f"/network/meetings/{meeting.pk}/").status_code == 200
    assert login(d.th_member).get(f"/network/meetings/{meeting.pk}/").status_code == 404


def test_amber_minutes_without_an_owner_are_refused(d, login):
    response = login(d.admin).post(
        f"/network/panels/{d.panel.pk}/meetings/new/",
        {"held_on": "2026-03-02", "title": "No owner", "marking": "AMBER_STRICT"},
    )
    assert response.status_code == 200
    assert not PanelMeeting.objects.filter(title="No owner").exists()


def test_a_member_cannot_sit_twice(d, login):
    response = login(d.admin).post(
        f"/network/panels/{d.panel.pk}/members/new/", {"person": d.shared.pk, "discipline": "ngo"}
    )
    assert response.status_code == 200
    assert PanelMember.objects.filter(panel=d.panel, person=d.shared).count() == 1


def test_focal_point_sets_up_their_countrys_panel_once(d, login):
    client = login(d.th_focal)
    response = client.post("/network/countries/TH/panel/new/", {"name": "Thailand panel"})
    assert response.status_code == 302
    assert AdvisoryPanel.objects.filter(country=d.th).count() == 1
    assert client.get("/network/countries/TH/panel/new/").status_code == 200
    client.post("/network/countries/TH/panel/new/", {"name": "Again"})
    assert AdvisoryPanel.objects.filter(country=d.th).count() == 1


def test_removing_a_member_of_another_countrys_panel_is_not_found(d, login):
    seat = PanelMember.objects.get(panel=d.panel, person=d.shared)
    url = f"/network/panels/{d.panel.pk}/members/{seat.pk}/remove/"
    assert login(d.th_focal).post(url).status_code == 404
    assert PanelMember.objects.filter(pk=seat.pk).exists()
    assert login(d.kh_focal).post(url).status_code == 302
    assert not PanelMember.objects.filter(pk=seat.pk).exists()


def test_country_page_shows_focal_points_sectors_and_panel(d, login):
    body = login(d.th_member).get("/network/countries/KH/").content.decode()
    assert d.kh_focal.person.full_name in body
    assert "Law enforcement" in body and "NGO" in body
    assert "Cambodia advisory panel" in body


def test_admin_appoints_and_removes_a_focal_point(d, login):
    from protectnet.network.models import FocalPoint

    client = login(d.admin)
    response = client.post("/network/countries/KH/focal-points/new/", {"person": d.shared.pk})
    assert response.status_code == 302
    focal = FocalPoint.objects.get(country=d.kh, person=d.shared)
    assert (
        login(d.kh_focal).post(f"/network/countries/KH/focal-points/{focal.pk}/remove/").status_code
        == 403
    )
    client.post(f"/network/countries/KH/focal-points/{focal.pk}/remove/")
    assert not FocalPoint.objects.filter(pk=focal.pk).exists()


def _discouraged_phrase() -> str:
    """A phrase the terminology list says to avoid (read from the list, not written here)."""
    from protectnet.terminology.models import Term

    term = Term.objects.filter(severity="avoid", active=True, context="always").first()
    return term.variants.splitlines()[0]


def test_minutes_with_discouraged_terms_need_confirmation(d, login):
    client = login(d.admin)
    data = {
        "held_on": "2026-03-02",
        "title": "Wording check",
        "minutes": f"Notes mention {_discouraged_phrase()} in a quoted report.",
        "marking": "GREEN",
    }
    response = client.post(f"/network/panels/{d.panel.pk}/meetings/new/", data)
    assert response.status_code == 200
    assert "language notes" in response.content.decode()
    assert not PanelMeeting.objects.filter(title="Wording check").exists()
    data["terminology_confirmed"] = "on"
    assert client.post(f"/network/panels/{d.panel.pk}/meetings/new/", data).status_code == 302
    assert PanelMeeting.objects.filter(title="Wording check").exists()
