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
    members: list[str]  # emails of members (library searches)
    password: str = PASSWORD
    devices: dict = field(default_factory=dict)  # email -> TOTPDevice id


def build(
    *,
    invitations: int,
    seats: int,
    participants: int,
    staff: int,
    members: int,
    resources: int,
    tag: str,
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
    from protectnet.network.models import Membership, Organisation, Person

    org = Organisation.objects.get(name="Bench organisation (workshops)")
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
        world.members.append(email)


def totp_now(device_id: int) -> str:
    import time

    from django_otp.oath import TOTP

    from protectnet.accounts.models import TOTPDevice

    device = TOTPDevice.objects.get(pk=device_id)
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits)
    generator.time = time.time()
    return f"{generator.token():0{device.digits}d}"
