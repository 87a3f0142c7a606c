"""Network fixtures: a few directory entries with and without consent, a panel with meetings."""

from types import SimpleNamespace

import pytest
from django.utils import timezone

from protectnet.access.markings import Marking
from protectnet.network.models import AdvisoryPanel, PanelMeeting, PanelMember
from tests import factories as f


def person_in(org, name, *, consent=False, **fields):
    """A directory entry without an account (fictitious), with a current membership."""
    person = f.PersonFactory(
        consent_directory=consent,
        consent_directory_at=timezone.now() if consent else None,
        **fields,
    )
    f.rename(person, name)
    f.MembershipFactory(person=person, organisation=org)
    return person


@pytest.fixture
def d(world):
    """The world, plus Cambodian and Thai entries, a Cambodian panel and its meetings."""
    w = world
    w.shared = person_in(
        w.kh_ngo,
        "Sok Sreymom",
        consent=True,
        email="sreymom@example.test",
        phone="+85512345678",
        expertise=["child protection"],
        languages=["km", "en"],
    )
    w.private = person_in(
        w.kh_ngo, "Chea Vanna", consent=False, email="vanna@example.test", phone="+85512000111"
    )
    w.thai = person_in(
        w.th_ministry, "Somchai Wongsakul", consent=True, email="somchai@example.test"
    )
    w.panel = AdvisoryPanel.objects.create(country=w.kh, name="Cambodia advisory panel")
    PanelMember.objects.create(panel=w.panel, person=w.shared, discipline="ngo", is_chair=True)
    today = timezone.localdate()
    w.green = PanelMeeting.objects.create(
        panel=w.panel, held_on=today, title="Open meeting", minutes="Agenda", marking=Marking.GREEN
    )
    w.amber = PanelMeeting.objects.create(
        panel=w.panel,
        held_on=today,
        title="Police-only meeting",
        minutes="Restricted minutes text",
        marking=Marking.AMBER_STRICT,
        owner_organisation=w.kh_police,
    )
    w.red = PanelMeeting.objects.create(
        panel=w.panel,
        held_on=today,
        title="Named-only meeting",
        minutes="Red minutes text",
        marking=Marking.RED,
    )
    w.red.named_people.add(w.kh_member.person)
    return w


def ns(**kwargs):
    return SimpleNamespace(**kwargs)
