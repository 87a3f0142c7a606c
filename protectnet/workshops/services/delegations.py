"""Nominations by focal points within the quota (a waiting list beyond it), organiser approval,
and the personal invitation that approval sends."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from protectnet.access import audit
from protectnet.access.policy import require
from protectnet.core.mail import send_templated_mail

from ..models import SEAT_HOLDING, Delegation, Invitation, Nomination, NominationStatus

NS = NominationStatus


def _locked(delegation: Delegation) -> Delegation:
    """The delegation row locked for this transaction: seat counts cannot move under us."""
    return Delegation.objects.select_for_update().select_related("workshop").get(pk=delegation.pk)


def promote_waitlist(delegation: Delegation) -> list[Nomination]:
    """Give freed seats to the waiting list, oldest first (delegation already locked)."""
    promoted = []
    free = delegation.quota - delegation.seats_held
    if free <= 0:
        return promoted
    for nomination in delegation.nominations.filter(status=NS.WAITLISTED).order_by(
        "created_at", "pk"
    )[:free]:
        nomination.status = NS.NOMINATED
        nomination.save(update_fields=["status"])
        promoted.append(nomination)
    if promoted:
        delegation.seats_held += len(promoted)
        delegation.save(update_fields=["seats_held"])
    return promoted


def _release_seat(delegation: Delegation) -> None:
    delegation.seats_held -= 1
    delegation.save(update_fields=["seats_held"])
    promote_waitlist(delegation)


def nomination_create(*, actor, delegation: Delegation, person, note: str = "") -> Nomination:
    require(actor, "workshops.nomination.create", delegation)
    if delegation.country_id not in person.country_ids():
        raise ValidationError(
            {"person": _("Only people of the delegation's country can be nominated.")}
        )
    with transaction.atomic():
        delegation = _locked(delegation)
        if delegation.nominations.filter(person=person).exists():
            raise ValidationError({"person": _("This person is already nominated.")})
        has_seat = delegation.seats_held < delegation.quota
        nomination = Nomination(
            delegation=delegation,
            person=person,
            note=note,
            nominated_by=actor,
            status=NS.NOMINATED if has_seat else NS.WAITLISTED,
        )
        nomination.full_clean(exclude=["nominated_by"])
        nomination.save()
        if has_seat:
            delegation.seats_held += 1
            delegation.save(update_fields=["seats_held"])
        audit.record(
            "workshops.nomination.create",
            actor=actor,
            obj=nomination,
            data={"status": nomination.status},
        )
    return nomination


def nomination_decide(*, actor, nomination: Nomination, approve: bool) -> Nomination:
    require(actor, "workshops.nomination.decide", nomination)
    with transaction.atomic():
        delegation = _locked(nomination.delegation)
        nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if nomination.status not in (NS.NOMINATED, NS.WAITLISTED):
            raise ValidationError(_("This nomination has already been decided."))
        held = nomination.status in SEAT_HOLDING
        if approve:
            if not held:
                if delegation.seats_held >= delegation.quota:
                    raise ValidationError(_("The delegation's quota is full."))
                delegation.seats_held += 1
                delegation.save(update_fields=["seats_held"])
            nomination.status = NS.APPROVED
        else:
            nomination.status = NS.DECLINED
        nomination.decided_by, nomination.decided_at = actor, timezone.now()
        nomination.save(update_fields=["status", "decided_by", "decided_at"])
        if not approve and held:
            _release_seat(delegation)
        audit.record(
            "workshops.nomination.decide",
            actor=actor,
            obj=nomination,
            data={"status": nomination.status},
        )
        if approve:
            invitation_send(
                actor=actor,
                workshop=delegation.workshop,
                person=nomination.person,
                delegation=delegation,
                nomination=nomination,
            )
    return nomination


def nomination_withdraw(*, actor, nomination: Nomination) -> Nomination:
    require(actor, "workshops.nomination.withdraw", nomination)
    with transaction.atomic():
        delegation = _locked(nomination.delegation)
        nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if nomination.status in (NS.DECLINED, NS.WITHDRAWN):
            return nomination
        if nomination.status == NS.APPROVED and hasattr(nomination, "invitation"):
            registration = getattr(nomination.invitation, "registration", None)
            if registration is not None and registration.is_active:
                raise ValidationError(_("This person has registered; they can cancel instead."))
        held = nomination.status in SEAT_HOLDING
        nomination.status = NS.WITHDRAWN
        nomination.save(update_fields=["status"])
        if held:
            _release_seat(delegation)
        Invitation.objects.filter(nomination=nomination).update(revoked_at=timezone.now())
        audit.record("workshops.nomination.withdraw", actor=actor, obj=nomination)
    return nomination


def invitation_send(
    *, actor, workshop, person, delegation=None, nomination=None
) -> tuple[Invitation, str]:
    """Create (or renew) the personal registration link and email it. Returns the raw token,
    which is never stored: only its hash is."""
    require(actor, "workshops.workshop.manage", workshop)
    if not person.email:
        raise ValidationError({"person": _("This person has no email address.")})
    raw, digest = Invitation.new_token()
    with transaction.atomic():
        invitation, created = Invitation.objects.get_or_create(
            workshop=workshop,
            person=person,
            defaults={
                "delegation": delegation,
                "nomination": nomination,
                "token_hash": digest,
                "created_by": actor,
            },
        )
        if not created:
            invitation.token_hash, invitation.revoked_at = digest, None
            invitation.delegation = delegation or invitation.delegation
            invitation.nomination = nomination or invitation.nomination
            invitation.save(update_fields=["token_hash", "revoked_at", "delegation", "nomination"])
        audit.record("workshops.invitation.send", actor=actor, obj=invitation)
    link = reverse("workshops:registration_by_token", args=[raw])
    send_templated_mail(
        to=[person.email],
        subject=gettext_lazy("Your invitation to a regional workshop"),
        template="workshops/email/invitation",
        context={"workshop": workshop, "link": link, "name": person.display_name},
    )
    return invitation, raw
