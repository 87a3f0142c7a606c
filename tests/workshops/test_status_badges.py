"""Every workshop, nomination, registration and outcome status is a badge in words with the tone
declared once for its state (workshops/statuses.py), wherever it is listed or shown: never a
grey pill that looks the same for "Approved" and "Declined"."""

import re

import pytest
from django.template import Context, Template

from protectnet.core import badges
from protectnet.workshops.models import (
    Invitation,
    Nomination,
    Outcome,
    Registration,
    Workshop,
)
from protectnet.workshops.services.checkin import checkin_record
from protectnet.workshops.services.delegations import nomination_create, nomination_decide

from .conftest import START, invite, person_in, register

TONES = {
    "workshops.workshop": {
        "draft": ("neutral", "Draft"),
        "planned": ("info", "Planned"),
        "registration_open": ("success", "Registration open"),
        "registration_closed": ("warning", "Registration closed"),
        "completed": ("success", "Completed"),
    },
    "workshops.nomination": {
        "nominated": ("warning", "Nominated (awaiting approval)"),
        "waitlisted": ("info", "Waiting list"),
        "approved": ("success", "Approved"),
        "declined": ("danger", "Declined"),
        "withdrawn": ("danger", "Withdrawn"),
    },
    "workshops.registration": {
        "registered": ("success", "Registered"),
        "cancelled": ("danger", "Cancelled"),
    },
    "workshops.outcome": {
        "planned": ("neutral", "Planned"),
        "in_progress": ("info", "In progress"),
        "done": ("success", "Done"),
        "partly_done": ("warning", "Partly done"),
        "not_done": ("danger", "Not done"),
    },
}
MODELS = {
    "workshops.workshop": Workshop,
    "workshops.nomination": Nomination,
    "workshops.registration": Registration,
    "workshops.outcome": Outcome,
}
STATES = [(key, state) for key, states in TONES.items() for state in states]


def badge(tone: str, label: str) -> re.Pattern:
    """The badge component: its tone's class, a hidden shape, then the words."""
    return re.compile(
        rf'<span class="badge badge-{tone}"><span class="badge-icon" aria-hidden="true">'
        rf"[^<]+</span>{re.escape(label)}</span>"
    )


@pytest.mark.parametrize(("key", "state"), STATES)
def test_each_state_is_a_badge_in_its_tone_with_its_words(key, state):
    tone, label = TONES[key][state]
    obj = MODELS[key](status=state)
    html = Template("{% load ui %}{% status_badge obj %}").render(Context({"obj": obj}))
    assert badge(tone, label).fullmatch(html.strip()), html


def test_every_status_of_the_models_has_a_tone_declared_once():
    declared = badges.registry()
    for key, model in MODELS.items():
        states = {value for value, _label in model._meta.get_field("status").choices}
        assert states == set(declared[key].tones) == set(TONES[key])


def test_a_tone_outside_the_components_is_refused(monkeypatch):
    from protectnet.core.badges import Status
    from protectnet.workshops import statuses

    wrong = Status("Registrations", statuses.RegistrationStatus, {"registered": "green"})
    monkeypatch.setattr(statuses, "STATUSES", {"workshops.registration": wrong})
    badges.registry.cache_clear()
    try:
        with pytest.raises(ValueError, match="green"):
            badges.registry()
    finally:
        monkeypatch.undo()
        badges.registry.cache_clear()


def _set(obj, state: str) -> None:
    type(obj).objects.filter(pk=obj.pk).update(status=state)


@pytest.mark.parametrize("state", TONES["workshops.workshop"])
def test_the_workshop_list_and_page_show_its_status_in_its_tone(world, ws, login, state):
    _set(ws.workshop, state)
    client = login(world.admin)
    expected = badge(*TONES["workshops.workshop"][state])
    assert expected.search(client.get("/workshops/").content.decode())
    assert expected.search(client.get(f"/workshops/{ws.workshop.pk}/").content.decode())


@pytest.mark.parametrize("state", TONES["workshops.nomination"])
def test_the_delegation_shows_each_nomination_in_its_tone(world, ws, login, state):
    person = person_in(world.kh_ngo, full_name="Toned Nominee")
    nomination = Nomination.objects.create(delegation=ws.kh_del, person=person)
    _set(nomination, state)
    html = login(world.admin).get(f"/workshops/delegations/{ws.kh_del.pk}/").content.decode()
    assert badge(*TONES["workshops.nomination"][state]).search(html)


def _registration(world, ws, name="Toned Participant"):
    """Nominated by the focal point, approved (so invited), registered."""
    person = person_in(world.kh_ngo, full_name=name)
    nomination = nomination_create(actor=world.kh_focal, delegation=ws.kh_del, person=person)
    nomination_decide(actor=world.admin, nomination=nomination, approve=True)
    return register(Invitation.objects.get(workshop=ws.workshop, person=person))


@pytest.mark.parametrize("state", TONES["workshops.registration"])
def test_a_registration_shows_its_status_in_its_tone_to_organisers(world, ws, login, state):
    registration = _registration(world, ws)
    _set(registration, state)
    client = login(world.admin)
    expected = badge(*TONES["workshops.registration"][state])
    for url in (
        f"/workshops/{ws.workshop.pk}/registrations/",
        f"/workshops/registrations/{registration.pk}/",
        f"/workshops/delegations/{ws.kh_del.pk}/",
    ):
        assert expected.search(client.get(url).content.decode()), url


@pytest.mark.parametrize("state", TONES["workshops.registration"])
def test_the_participant_sees_their_registration_in_its_tone(world, ws, login, state):
    invite(world, ws.workshop, world.kh_member.person)
    invitation = Invitation.objects.get(workshop=ws.workshop, person=world.kh_member.person)
    _set(register(invitation), state)
    client = login(world.kh_member)
    expected = badge(*TONES["workshops.registration"][state])
    assert expected.search(client.get("/workshops/mine/").content.decode())
    mine = client.get(f"/workshops/{ws.workshop.pk}/me/").content.decode()
    assert expected.search(mine)
    if state == "registered":  # the workshop's page says so beside the link to it
        assert expected.search(client.get(f"/workshops/{ws.workshop.pk}/").content.decode())


def test_my_workshops_says_not_registered_yet_in_a_neutral_badge(world, ws, login):
    invite(world, ws.workshop, world.kh_member.person)
    html = login(world.kh_member).get("/workshops/mine/").content.decode()
    assert badge("neutral", "Not registered yet").search(html)


def test_the_check_in_search_shows_who_is_checked_in_in_a_success_badge(world, ws, login):
    registration = _registration(world, ws)
    checkin_record(actor=world.admin, workshop=ws.workshop, day=START, code=registration.badge_code)
    url = f"/workshops/{ws.workshop.pk}/check-in/?day={START}&q=Toned"
    html = login(world.admin).get(url).content.decode()
    assert badge("success", "Checked in").search(html)


@pytest.mark.parametrize("state", TONES["workshops.outcome"])
def test_outcomes_show_their_status_in_its_tone_in_the_list_and_the_report(world, ws, login, state):
    Outcome.objects.create(
        workshop=ws.workshop,
        kind="initiative",
        title="Hotline",
        owner_organisation=world.kh_ngo,
        contact=world.kh_member.person,
        status=state,
    )
    client = login(world.admin)
    expected = badge(*TONES["workshops.outcome"][state])
    for url in (f"/workshops/{ws.workshop.pk}/outcomes/", f"/workshops/{ws.workshop.pk}/report/"):
        assert expected.search(client.get(url).content.decode()), url


def test_no_workshop_page_keeps_the_untoned_status_pill():
    from pathlib import Path

    import protectnet

    templates = Path(protectnet.__file__).parent / "workshops" / "templates" / "workshops"
    pills = [
        f"{path.name}: {line.strip()[:80]}"
        for path in templates.rglob("*.html")
        for line in path.read_text(encoding="utf-8").splitlines()
        if 'class="status"' in line and "status_display" in line
    ]
    assert pills == []
