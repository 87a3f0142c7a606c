"""Outcomes of a workshop and their 3- and 6-month follow-up reminders."""

from dataclasses import dataclass, fields
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from protectnet.access import audit
from protectnet.access.policy import require
from protectnet.core.mail import send_templated_mail
from protectnet.network.models import Organisation, Person

from ..models import Outcome, OutcomeReminder, OutcomeStatus

FOLLOW_UP_MONTHS = (3, 6)
OPEN = (OutcomeStatus.PLANNED, OutcomeStatus.IN_PROGRESS)


@dataclass(frozen=True)
class OutcomeInput:
    """A commitment made at a workshop: the page's form and the API both produce one."""

    kind: str
    title: str
    owner_organisation: Organisation
    description: str = ""
    countries: tuple = ()
    contact: Person | None = None
    due_on: date | None = None
    status: str = OutcomeStatus.PLANNED
    progress_note: str = ""

    @classmethod
    def of(cls, outcome: Outcome) -> "OutcomeInput":
        """The outcome as it is now (the base a partial change starts from)."""
        values = {name: getattr(outcome, name) for name in OUTCOME_FIELDS}
        return cls(**values, countries=tuple(outcome.countries.all()))


OUTCOME_FIELDS = tuple(f.name for f in fields(OutcomeInput) if f.name != "countries")


def outcome_save(*, actor, workshop, data: OutcomeInput, outcome: Outcome | None = None):
    require(actor, "workshops.outcome.manage", workshop)
    with transaction.atomic():
        creating = outcome is None
        outcome = outcome or Outcome(workshop=workshop)
        changed = [n for n in OUTCOME_FIELDS if getattr(outcome, n, None) != getattr(data, n)]
        for name in OUTCOME_FIELDS:
            setattr(outcome, name, getattr(data, name))
        outcome.updated_at = timezone.now()
        outcome.full_clean()
        if creating:
            outcome.save()
        else:
            outcome.save(update_fields=[*changed, "updated_at"])
        outcome.countries.set(data.countries)
        audit.record(
            "workshops.outcome.create" if creating else "workshops.outcome.update",
            actor=actor,
            obj=outcome,
            data={"fields": changed},
        )
    return outcome


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


@dataclass
class ReminderRun:
    sent: int = 0
    skipped: int = 0


def reminders_send(*, today: date | None = None) -> ReminderRun:
    """Send every due follow-up reminder once (a unique row per outcome and month makes a second
    run send nothing). Runs from `manage.py send_workshop_reminders`, no request needed."""
    today = today or timezone.localdate()
    run = ReminderRun()
    outcomes = (
        Outcome.objects.filter(status__in=OPEN)
        .select_related("workshop", "contact", "owner_organisation")
        .prefetch_related("reminders")
    )
    for outcome in outcomes:
        done = {r.months for r in outcome.reminders.all()}
        for months in FOLLOW_UP_MONTHS:
            if months in done or add_months(outcome.workshop.end_date, months) > today:
                continue
            # Only the latest due follow-up is sent: a 6-month reminder replaces a missed 3-month.
            later_due = [m for m in FOLLOW_UP_MONTHS if m > months]
            if any(add_months(outcome.workshop.end_date, m) <= today for m in later_due):
                OutcomeReminder.objects.get_or_create(outcome=outcome, months=months)
                continue
            if _send_one(outcome, months):
                run.sent += 1
            else:
                run.skipped += 1
    return run


def _send_one(outcome: Outcome, months: int) -> bool:
    with transaction.atomic():
        try:
            with transaction.atomic():
                OutcomeReminder.objects.create(outcome=outcome, months=months)
        except IntegrityError:
            return False  # another run sent it
        recipients = [outcome.contact.email] if outcome.contact and outcome.contact.email else []
        if not recipients:
            from protectnet.access.models import RoleGrant

            recipients = list(
                RoleGrant.objects.filter(role="network_admin", user__is_active=True).values_list(
                    "user__email", flat=True
                )
            )
        send_templated_mail(
            to=recipients,
            subject=gettext_lazy("Workshop follow-up: how is this outcome progressing?"),
            template="workshops/email/outcome_reminder",
            context={"outcome": outcome, "months": months, "workshop": outcome.workshop},
        )
        audit.record("workshops.outcome.reminder", obj=outcome, data={"months": months})
    return True
