"""Registration through the personal link, change and cancel, and breakout choices.

Seats are safe under concurrency: the delegation (or session) row is locked with
select_for_update() inside the transaction before counting (SQLite: the IMMEDIATE transaction
holds the write lock from BEGIN), and a check constraint refuses any count above the limit.
"""

from dataclasses import asdict, dataclass, fields
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.policy import require
from protectnet.access.principal import Principal, principal_for
from protectnet.access.roles import Role

from ..models import (
    Delegation,
    Invitation,
    Nomination,
    NominationStatus,
    Registration,
    RegistrationStatus,
    Session,
    SessionChoice,
    SessionKind,
)
from .delegations import promote_waitlist


@dataclass(frozen=True)
class RegistrationInput:
    """What a person submits to register: the page's form and the API both produce one."""

    gender: str = ""
    consent_participant_list: bool = False
    needs_visa_letter: bool = False
    arrival_on: date | None = None
    departure_on: date | None = None
    dietary_needs: str = ""
    accessibility_needs: str = ""
    passport_full_name: str = ""
    passport_number: str = ""
    passport_nationality: str = ""
    passport_expiry: date | None = None
    date_of_birth: date | None = None
    emergency_contact_name: str = ""
    emergency_contact_phone: str = ""
    arrival_details: str = ""
    departure_details: str = ""

    @classmethod
    def of(cls, registration: Registration) -> "RegistrationInput":
        """The values a registration holds now (the base a partial change starts from)."""
        return cls(**{name: getattr(registration, name) for name in FORM_FIELDS})


FORM_FIELDS = tuple(f.name for f in fields(RegistrationInput))
PASSPORT_TEXT = ("passport_full_name", "passport_number", "passport_nationality")


class SeatsFull(ValidationError):
    """No seat left (delegation quota or session capacity)."""


class LinkHolder(Principal):
    """Whoever holds a personal link: acts as the invited person, with a guest's rights only."""

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return True


def acting_for(user, invitation: Invitation):
    """Who acts through a personal link: the signed-in user if it is the invited person, else a
    link holder carrying only the invited person's id (the token is the credential)."""
    if user is not None and principal_for(user).person_id == invitation.person_id:
        return user
    return LinkHolder(person_id=invitation.person_id, roles=frozenset({Role.GUEST}))


def audit_actor(actor):
    """The account to name in the audit log (none for a link holder without an account)."""
    return None if isinstance(actor, Principal) else actor


def _snapshot(registration: Registration) -> None:
    """Country, organisation and sector at registration time, for the funder's report."""
    from django.apps import apps

    membership = apps.get_model("network", "Membership")
    invitation = registration.invitation
    memberships = list(
        membership.objects.filter(membership.current_q(), person_id=registration.person_id)
        .select_related("organisation")
        .order_by("pk")
    )
    country_id = invitation.delegation.country_id if invitation.delegation_id else None
    match = [m for m in memberships if m.organisation.country_id == country_id] or memberships
    if match:
        registration.organisation = match[0].organisation
        registration.sector = match[0].organisation.sector
        registration.country_id = country_id or match[0].organisation.country_id
    else:
        registration.country_id = country_id
    if not registration.gender:
        registration.gender = invitation.person.gender


def _check_dates(registration: Registration) -> None:
    """The travel and passport rules, each refusal on the field it concerns."""
    errors = {}
    arrival, departure = registration.arrival_on, registration.departure_on
    if arrival and departure and departure < arrival:
        errors["departure_on"] = [_("Departure cannot be before arrival.")]
    if registration.needs_visa_letter:
        for name in PASSPORT_TEXT:
            if not getattr(registration, name):
                errors[name] = [_("Needed for the visa invitation letter.")]
        expiry = registration.passport_expiry
        if expiry is None:
            errors["passport_expiry"] = [_("Needed for the visa invitation letter.")]
        elif expiry <= registration.workshop.end_date:
            errors["passport_expiry"] = [_("The passport must be valid after the workshop.")]
    if errors:
        raise ValidationError(errors)


def registration_submit(*, actor, invitation: Invitation, data: RegistrationInput) -> Registration:
    """Create the registration (taking a delegation seat) or change it.

    The rules are checked here, once, for the page and the API alike. Everything that only reads
    (the snapshot, validation) happens before the transaction, so the seat lock is held for a
    handful of statements only."""
    require(actor, "workshops.registration.submit", invitation)
    existing = Registration.objects.filter(invitation=invitation).first()
    if existing is not None and existing.is_active:
        return _change(actor, existing, data)
    if not invitation.workshop.registration_open:
        raise ValidationError(_("Registration for this workshop is not open."))
    registration = _prepare(invitation, existing, data)
    try:
        with transaction.atomic():
            if existing is not None:
                # Re-registering after a cancel: someone may have done it a moment ago.
                current = Registration.objects.select_for_update().get(pk=existing.pk)
                if current.is_active:
                    raise ValidationError(_("You are already registered."))
            registration.delegation = _take_delegation_seat(invitation)
            registration.save()
            audit.record(
                "workshops.registration.create", actor=audit_actor(actor), obj=registration
            )
    except IntegrityError as exc:  # the last line: a constraint refused it
        raise SeatsFull(_("All seats of this delegation are taken.")) from exc
    return registration


def registration_save(
    *,
    actor,
    invitation: Invitation,
    data: RegistrationInput,
    breakouts: list[Session] | None = None,
) -> Registration:
    """Registration and (when given) the exact set of chosen breakouts, all or nothing: a full
    breakout undoes the registration change too. The API's single write for "my registration"."""
    with transaction.atomic():
        registration = registration_submit(actor=actor, invitation=invitation, data=data)
        if breakouts is not None:
            _set_breakouts(actor, registration, breakouts)
    return registration


def _set_breakouts(actor, registration: Registration, sessions: list[Session]) -> None:
    wanted = {s.pk for s in sessions}
    chosen = set(
        SessionChoice.objects.filter(registration=registration).values_list("session_id", flat=True)
    )
    # Leave first, so that swapping to another session at the same time is not an overlap.
    for session in Session.objects.filter(pk__in=chosen - wanted):
        session_unchoose(actor=actor, registration=registration, session=session)
    for session in sorted(sessions, key=lambda s: s.starts_at):
        if session.pk not in chosen:
            session_choose(actor=actor, registration=registration, session=session)


def _change(actor, existing: Registration, data: RegistrationInput) -> Registration:
    values = asdict(data)
    changed = [k for k, v in values.items() if getattr(existing, k) != v]
    for name in changed:
        setattr(existing, name, values[name])
    existing.updated_at = timezone.now()
    _check_dates(existing)  # first: its refusals name fields; the constraint's would not
    existing.full_clean()
    with transaction.atomic():
        existing.save(update_fields=[*changed, "updated_at"])
        # Field names only: the values are sensitive.
        audit.record(
            "workshops.registration.change",
            actor=audit_actor(actor),
            obj=existing,
            data={"fields": changed},
        )
    return existing


def _take_delegation_seat(invitation: Invitation) -> Delegation | None:
    """Lock the delegation row, count, take a seat. The check constraint backs this up."""
    if invitation.delegation_id is None:
        return None
    delegation = Delegation.objects.select_for_update().get(pk=invitation.delegation_id)
    if delegation.seats_registered >= delegation.quota:
        raise SeatsFull(_("All seats of this delegation are taken."))
    delegation.seats_registered += 1
    delegation.save(update_fields=["seats_registered"])
    return delegation


def _prepare(
    invitation: Invitation, existing: Registration | None, data: RegistrationInput
) -> Registration:
    registration = existing or Registration(
        workshop_id=invitation.workshop_id,
        invitation=invitation,
        person_id=invitation.person_id,
    )
    registration.workshop = invitation.workshop
    registration.delegation_id = invitation.delegation_id
    for name, value in asdict(data).items():
        setattr(registration, name, value)
    registration.status = RegistrationStatus.REGISTERED
    registration.cancelled_at = None
    registration.updated_at = timezone.now()
    _snapshot(registration)
    # Field rules here; foreign keys, uniqueness and checks are enforced by the database.
    registration.clean_fields(
        exclude=[
            "badge_code",
            "invitation",
            "person",
            "workshop",
            "delegation",
            "country",
            "organisation",
        ]
    )
    _check_dates(registration)
    return registration


def registration_cancel(*, actor, registration: Registration) -> Registration:
    """Cancel: frees the delegation seat (the waiting list moves up) and the breakout seats."""
    require(actor, "workshops.registration.submit", registration)
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active:
            return registration
        if registration.delegation_id:
            delegation = Delegation.objects.select_for_update().get(pk=registration.delegation_id)
            delegation.seats_registered -= 1
            fields = ["seats_registered"]
            nomination = Nomination.objects.filter(invitation__registration=registration).first()
            if nomination and nomination.status == NominationStatus.APPROVED:
                nomination.status = NominationStatus.WITHDRAWN
                nomination.save(update_fields=["status"])
                delegation.seats_held -= 1
                fields.append("seats_held")
            delegation.save(update_fields=fields)
            promote_waitlist(delegation)
        for choice in registration.session_choices.all():
            Session.objects.filter(pk=choice.session_id).update(seats_taken=F("seats_taken") - 1)
        registration.session_choices.all().delete()
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = registration.updated_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        audit.record("workshops.registration.cancel", actor=audit_actor(actor), obj=registration)
    return registration


def session_choose(*, actor, registration: Registration, session: Session) -> SessionChoice:
    require(actor, "workshops.registration.submit", registration)
    if session.workshop_id != registration.workshop_id or session.kind != SessionKind.BREAKOUT:
        raise ValidationError(_("Choose a breakout session of your workshop."))
    if not registration.is_active:
        raise ValidationError(_("This registration is cancelled."))
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        chosen = SessionChoice.objects.filter(registration=registration).select_related("session")
        for choice in chosen:
            if choice.session_id == session.pk:
                return choice
            if (
                choice.session.starts_at < session.ends_at
                and session.starts_at < choice.session.ends_at
            ):
                raise ValidationError(
                    _("You already chose “%(t)s” at that time.") % {"t": choice.session.title}
                )
        if session.capacity is not None and session.seats_taken >= session.capacity:
            raise SeatsFull(_("This session is full."))
        try:
            with transaction.atomic():
                Session.objects.filter(pk=session.pk).update(seats_taken=F("seats_taken") + 1)
        except IntegrityError as exc:
            raise SeatsFull(_("This session is full.")) from exc
        choice = SessionChoice.objects.create(registration=registration, session=session)
        audit.record("workshops.session.choose", actor=audit_actor(actor), obj=choice.session)
    return choice


def session_unchoose(*, actor, registration: Registration, session: Session) -> None:
    require(actor, "workshops.registration.submit", registration)
    with transaction.atomic():
        Session.objects.select_for_update().get(pk=session.pk)
        deleted, _rows = SessionChoice.objects.filter(
            registration=registration, session=session
        ).delete()
        if deleted:
            Session.objects.filter(pk=session.pk).update(seats_taken=F("seats_taken") - 1)
            audit.record("workshops.session.unchoose", actor=audit_actor(actor), obj=session)


def sensitive_read(*, actor, registration: Registration, request=None) -> None:
    """Reading the sensitive fields is allowed to organisers and the person, and audited."""
    require(actor, "workshops.registration.sensitive.view", registration)
    audit.record(
        "workshops.registration.sensitive_read",
        actor=audit_actor(actor),
        obj=registration,
        request=request,
    )
