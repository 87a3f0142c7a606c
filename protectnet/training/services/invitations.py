"""Trainees nominated before they have an account: the accounts app's invitation, sent from
the nomination, so that they can sign in to take the tests and fetch the certificate."""

from django.core.exceptions import PermissionDenied, ValidationError

from protectnet.accounts.services import invitation_create

from ..models import Enrolment


def enrolment_invite(*, actor, enrolment: Enrolment, request=None) -> str:
    """Invite the enrolled person to create an account. Never undoes the enrolment; returns
    what happened: "sent", "has_account", "no_email", "not_allowed" or "refused".

    The invitation service holds its own policy check ("account.invite": admins, and focal
    points for people of their country) and its own audit entry.
    """
    person = enrolment.person
    if person.user_id:
        return "has_account"
    if not person.email:
        return "no_email"
    try:
        invitation_create(actor=actor, email=person.email, person=person, request=request)
    except PermissionDenied:
        return "not_allowed"
    except ValidationError:
        return "refused"
    return "sent"
