"""The data a load run needs, written straight through the ORM before the server starts."""

import secrets
from dataclasses import dataclass, field
from datetime import date

PASSWORD = secrets.token_urlsafe(16)  # fictitious accounts of one run only


@dataclass
class World:
    workshop_id: int
    delegation_id: int
    seats: int
    tokens: list[str]  # personal registration links, more than seats
    checkin_workshop_id: int
    days: list[date]
    badges: list[str]  # badge codes of registered participants, to check in
    staff: list[str]  # emails of network admins (with a TOTP device)
    members: list[str]  # emails of members (library searches and AMBER reads)
    password: str = PASSWORD
    devices: dict = field(default_factory=dict)  # email -> TOTPDevice id
    officers: list[str] = field(default_factory=list)  # one vetted officer per receiving agency
    alert_ids: list[int] = field(default_factory=list)  # sent to every officer's agency
    amber_ids: list[int] = field(default_factory=list)  # AMBER resources the members may read


def build(
    *,
    invitations: int,
    seats: int,
    participants: int,
    staff: int,
    members: int,
    resources: int,
    tag: str,
    agencies: int = 0,
    alerts: int = 0,
) -> World:
    from protectnet.demo.bench import library as library_bench
    from protectnet.demo.bench import workshops as workshop_bench

    workshop, delegation, _ids = workshop_bench._build(invitations, seats, tag)
    tokens = [f"bench-{tag}-{pk}" for pk in _invited_people(workshop)]
    checkin_workshop, badges = _registered_participants(participants, f"{tag}-in")
    library_bench.build(resources)
    world = World(
        workshop_id=workshop.pk,
        delegation_id=delegation.pk,
        seats=seats,
        tokens=tokens,
        checkin_workshop_id=checkin_workshop.pk,
        days=list(checkin_workshop.days),
        badges=badges,
        staff=[],
        members=[],
    )
    _accounts(world, staff=staff, members=members, tag=tag)
    if agencies and alerts:
        _alerts(world, agencies=agencies, alerts=alerts, tag=tag)
    return world


def _invited_people(workshop) -> list[int]:
    # bench._build derives each raw token from the person id.
    return list(workshop.invitations.values_list("person_id", flat=True))


def _registered_participants(count: int, tag: str):
    """A second workshop whose participants are registered through the real service."""
    from protectnet.demo.bench import workshops as workshop_bench
    from protectnet.workshops.models import Invitation
    from protectnet.workshops.services.registrations import (
        RegistrationInput,
        acting_for,
        registration_submit,
    )

    workshop, _delegation, ids = workshop_bench._build(count, count, tag)
    data = RegistrationInput(consent_participant_list=True)
    badges = []
    for invitation in Invitation.objects.filter(pk__in=ids).select_related(
        "workshop", "person", "delegation"
    ):
        registration = registration_submit(
            actor=acting_for(None, invitation), invitation=invitation, data=data
        )
        badges.append(registration.badge_code)
    return workshop, badges


def _accounts(world: World, *, staff: int, members: int, tag: str) -> None:
    from protectnet.access.models import RoleGrant
    from protectnet.accounts.models import TOTPDevice, User
    from protectnet.library.models import Resource
    from protectnet.network.models import Membership, Organisation, Person

    org = Organisation.objects.get(name="Bench organisation (workshops)")
    # The library builder's first organisation owns AMBER resources its members may open.
    owner = Organisation.objects.get(name="Bench organisation 0")
    world.amber_ids = list(
        Resource.objects.filter(owner_organisation=owner, marking="AMBER")
        .order_by("pk")
        .values_list("pk", flat=True)[:50]
    )
    for i in range(staff):
        email = f"load-staff-{tag}-{i}@example.test"
        user = User.objects.create_user(email=email, password=world.password)
        RoleGrant.objects.create(user=user, role="network_admin")
        device = TOTPDevice.objects.create(user=user, name="load", confirmed=True)
        world.staff.append(email)
        world.devices[email] = device.pk
    for i in range(members):
        email = f"load-member-{tag}-{i}@example.test"
        user = User.objects.create_user(email=email, password=world.password)
        person = Person.objects.create(full_name=f"Load member {tag}-{i}", email=email, user=user)
        Membership.objects.create(person=person, organisation=org)
        Membership.objects.create(person=person, organisation=owner)
        world.members.append(email)


def _vetted_officer(world: World, org, email: str):
    from datetime import timedelta

    from django.utils import timezone

    from protectnet.accounts.models import TOTPDevice, User
    from protectnet.network.models import Membership, Person, Vetting

    user = User.objects.create_user(email=email, password=world.password)
    person = Person.objects.create(
        full_name=f"Officer {email.split('@')[0]}", email=email, user=user
    )
    Membership.objects.create(person=person, organisation=org)
    today = timezone.localdate()
    Vetting.objects.create(
        person=person,
        level="law_enforcement",
        verified_on=today - timedelta(days=30),
        expires_on=today + timedelta(days=365),
    )
    world.devices[email] = TOTPDevice.objects.create(user=user, name="load", confirmed=True).pk
    return user


def _alerts(world: World, *, agencies: int, alerts: int, tag: str) -> None:
    """Alerts sent through the real service to `agencies` agencies, one officer each."""
    from datetime import timedelta

    from django.utils import timezone

    from protectnet.alerts.services import AlertInput, alert_create
    from protectnet.network.models import Country, Organisation

    country, _ = Country.objects.get_or_create(code="KH")
    # A UK agency notifying Cambodian ones: alerts go to partner countries, never one's own.
    uk, _ = Country.objects.get_or_create(code="GB")
    sending = Organisation.objects.create(
        name=f"Load sending agency {tag}", country=uk, sector="law_enforcement"
    )
    sender = _vetted_officer(world, sending, f"load-sender-{tag}@example.test")
    receiving = []
    for i in range(agencies):
        org = Organisation.objects.create(
            name=f"Load agency {tag}-{i}", country=country, sector="law_enforcement"
        )
        email = f"load-officer-{tag}-{i}@example.test"
        _vetted_officer(world, org, email)
        world.officers.append(email)
        receiving.append(org.pk)
    for i in range(alerts):
        data = AlertInput(
            alert_type="information",
            recipient_organisation_ids=receiving,
            marking="AMBER",
            priority="routine",
            ack_deadline=timezone.now() + timedelta(days=5),
            summary=f"Fictitious load-run notice {i}: please acknowledge.",
        )
        world.alert_ids.append(alert_create(actor=sender, data=data, send=True).pk)


def totp_now(device_id: int) -> str:
    import time

    from django_otp.oath import TOTP

    from protectnet.accounts.models import TOTPDevice

    device = TOTPDevice.objects.get(pk=device_id)
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits)
    generator.time = time.time()
    return f"{generator.token():0{device.digits}d}"
