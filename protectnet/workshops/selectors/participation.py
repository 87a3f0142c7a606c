"""How the signed-in person takes part in a workshop, and the workshops they take part in.

Places are by nomination: the focal point of a country nominates its delegation and the
organisers send each approved person a personal registration link. A member without a link is
told whom to ask (their focal point, or the organisers where no focal point or delegation can
help); only the person's own invitation and registration are read.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from protectnet.access.models import RoleGrant
from protectnet.access.policy import visible
from protectnet.access.principal import principal_for
from protectnet.access.roles import Role
from protectnet.network import selectors as directory
from protectnet.network.models import Person

from ..models import Delegation, Invitation, Registration, Workshop, WorkshopStatus
from ..names import organisations
from .registrations import my_invitation

NOMINATING = (WorkshopStatus.PLANNED, WorkshopStatus.REGISTRATION_OPEN)


@dataclass(frozen=True)
class FocalContact:
    """A focal point to ask: the email only when the directory shows it to this reader."""

    country: str
    person: object
    organisation: str
    email: str


@dataclass(frozen=True)
class TakingPart:
    workshop: Workshop
    invitation: Invitation | None = None
    registration: Registration | None = None
    contacts: list[FocalContact] = field(default_factory=list)
    # Countries without a focal point: the member is told to ask the organisers.
    uncovered: list[str] = field(default_factory=list)
    # The delegations this person nominates (they are the focal point).
    own_delegations: list[Delegation] = field(default_factory=list)
    # Countries this focal point nominates for that have no delegation to the workshop yet.
    undelegated: list[str] = field(default_factory=list)
    # The organisers (network admins) to ask, when a country above is uncovered or undelegated.
    organisers: list[FocalContact] = field(default_factory=list)

    @property
    def nominating(self) -> bool:
        return self.workshop.status in NOMINATING

    @property
    def may_register(self) -> bool:
        active = self.registration is not None and self.registration.is_active
        return self.invitation is not None and not active and self.workshop.registration_open


def taking_part(*, user, workshop: Workshop) -> TakingPart:
    """What the workshop page and the "me" page tell this person (the workshop is visible)."""
    invitation = my_invitation(user=user, workshop=workshop)
    if invitation is not None:
        registration = Registration.objects.filter(invitation=invitation).first()
        return TakingPart(workshop, invitation=invitation, registration=registration)
    if workshop.status not in NOMINATING:
        return TakingPart(workshop)
    principal = principal_for(user)
    contacts, uncovered = _focal_contacts(user, principal)
    own = [
        d
        for d in visible(user, Delegation.objects.filter(workshop=workshop)).select_related(
            "country"
        )
        if d.country_id in principal.focal_country_ids
    ]
    undelegated = _undelegated(user, principal, {d.country_id for d in own})
    return TakingPart(
        workshop,
        contacts=contacts,
        uncovered=uncovered,
        own_delegations=own,
        undelegated=undelegated,
        organisers=_organisers(user) if uncovered or undelegated else [],
    )


def _undelegated(user, principal, delegated: set[int]) -> list[str]:
    missing = principal.focal_country_ids - delegated
    if not missing:
        return []
    return [c.name for c in directory.country_choices(user=user).filter(pk__in=missing)]


def _organisers(user) -> list[FocalContact]:
    """The network admins with a directory entry: the organisers, who open delegations and
    answer where no focal point can."""
    admins = RoleGrant.objects.filter(role=Role.NETWORK_ADMIN).values("user_id")
    people = directory.labelled(
        Person.objects.filter(user_id__in=admins, erased_at__isnull=True)
    ).order_by("full_name", "pk")
    return [_contact(user, person) for person in people]


def _contact(user, person, country: str = "") -> FocalContact:
    return FocalContact(
        country=country,
        person=person,
        organisation=organisations(person),
        email=person.email if directory.contact_visible(user, person) else "",
    )


def _focal_contacts(user, principal) -> tuple[list[FocalContact], list[str]]:
    """The focal points of the reader's countries (one or two countries, a few people each)."""
    contacts, uncovered = [], []
    countries = directory.country_choices(user=user).filter(pk__in=principal.country_ids)
    for country in countries:
        if country.pk in principal.focal_country_ids:
            continue  # they nominate themselves: the page links to their delegation instead
        # The directory's selector loads their memberships (organisations named below).
        people = [fp.person for fp in directory.country_focal_points(country=country)]
        if not people:
            uncovered.append(country.name)
        contacts += [_contact(user, person, country.name) for person in people]
    return contacts, uncovered


def my_workshop_list(*, user) -> QuerySet:
    """The person's invitations to published workshops, each with its registration if any.

    A revoked invitation still shows when a registration was made with it (the history)."""
    person_id = principal_for(user).person_id
    if person_id is None:
        return Invitation.objects.none()
    qs = Invitation.objects.filter(person_id=person_id).filter(
        Q(revoked_at__isnull=True) | Q(registration__isnull=False)
    )
    return (
        visible(user, qs)
        .exclude(workshop__status=WorkshopStatus.DRAFT)
        .select_related(
            "workshop__series", "workshop__host_country", "registration__feedback_receipt"
        )
        .order_by("-workshop__start_date", "pk")
    )
