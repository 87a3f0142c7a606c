"""Alerts, recipients, shares and the vetted people they go to: every read through the access
policy's scope."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, When
from django.http import Http404
from django.utils import timezone

from protectnet.access.policy import can, get_visible_or_404, require, visible
from protectnet.access.principal import principal_for
from protectnet.network.models import Membership, Organisation, Person, Sector
from protectnet.network.principal_facts import LE_VETTING_LEVELS
from protectnet.network.selectors import labelled

from ..models import (
    OPEN,
    Alert,
    AlertAttachment,
    AlertRead,
    AlertRecipient,
    AlertReply,
    AlertShare,
    Priority,
)


def _with_recipients(qs: QuerySet, *related: str) -> QuerySet:
    recipients = AlertRecipient.objects.select_related("organisation", "country", *related)
    # Whoever acted is shown by name (person), never by address: joined, not one query each.
    # Shares decide who else may read an AMBER alert, so the policy needs them on every row.
    shares = AlertShare.objects.select_related(
        "person", "organisation", "shared_from", "shared_by__person"
    )
    return qs.select_related("sender_organisation", "origin_country").prefetch_related(
        Prefetch("recipients", queryset=recipients),
        # Named as everywhere (Person.label): their current organisations come along.
        Prefetch("named_people", queryset=labelled(Person.objects.all())),
        Prefetch("shares", queryset=shares),
    )


def alert_list(
    *, user, box: str = "all", needs: str = "", overdue: bool = False, now=None
) -> QuerySet:
    """Headers only (no content is decrypted for a list): reference, type, agencies, dates.

    What needs action comes first: overdue at my agency, overdue at an agency my agency sent to,
    waiting for my agency's acknowledgement, then the rest; within each, urgent before high
    before routine, the nearest deadline, the latest sent. Sorted by the database, so a page
    costs the same whatever the number of alerts."""
    qs = visible(user, Alert.objects.all())
    orgs = principal_for(user).le_organisation_ids
    if box == "inbox":
        # Exists, not a join: a member of two recipient agencies must not see an alert twice.
        mine = AlertRecipient.objects.filter(alert=OuterRef("pk"), organisation_id__in=orgs)
        qs = qs.filter(Exists(mine))
    elif box == "sent":
        qs = qs.filter(sender_organisation_id__in=orgs)
    qs = with_action_state(qs, orgs=orgs, now=now or timezone.now())
    if needs == "ack":
        qs = qs.filter(awaiting_mine=True)
    if overdue:
        qs = qs.filter(is_overdue=True)
    order = ("action_rank", "priority_rank", "ack_deadline", F("sent_at").desc(nulls_first=True))
    return _with_recipients(qs).order_by(*order, "-id")


def with_action_state(qs: QuerySet, *, orgs, now) -> QuerySet:
    """awaiting_mine: my agency has it and has not acknowledged; is_overdue: some recipient
    agency has not acknowledged by the deadline; action_rank and priority_rank to sort by."""
    waiting = AlertRecipient.objects.filter(
        alert=OuterRef("pk"), acknowledged_at__isnull=True, delivered_at__isnull=False
    )
    open_ = Q(status__in=OPEN)
    late = open_ & Q(ack_deadline__lt=now)
    qs = qs.annotate(
        awaiting_mine=Exists(waiting.filter(organisation_id__in=orgs)) & open_,
        is_overdue=Exists(waiting) & late,
    )
    mine_sent = Q(sender_organisation_id__in=orgs)
    return qs.annotate(
        action_rank=Case(
            When(Q(awaiting_mine=True) & late, then=0),
            When(Q(is_overdue=True) & mine_sent, then=1),
            When(awaiting_mine=True, then=2),
            default=3,
            output_field=IntegerField(),
        ),
        priority_rank=Case(
            When(priority=Priority.URGENT, then=0),
            When(priority=Priority.HIGH, then=1),
            default=2,
            output_field=IntegerField(),
        ),
    )


def _overdue_recipients_q(now) -> Q:
    return Q(acknowledged_at__isnull=True, delivered_at__isnull=False, alert__ack_deadline__lt=now)


def alert_overdue_list(*, user, now=None) -> QuerySet:
    """Alerts with at least one recipient agency that has not acknowledged by the deadline.

    Headers and recipients only: the page and the API show neither the reader's action state
    nor the named people or shares, and each of those cost a subquery or a query per row."""
    now = now or timezone.now()
    overdue = AlertRecipient.objects.filter(_overdue_recipients_q(now), alert=OuterRef("pk"))
    qs = visible(user, Alert.objects.filter(status__in=OPEN)).filter(Exists(overdue))
    recipients = AlertRecipient.objects.select_related("organisation", "country")
    return (
        qs.select_related("sender_organisation")
        .prefetch_related(Prefetch("recipients", queryset=recipients))
        .order_by("ack_deadline", "id")
    )


def alert_get(*, user, pk) -> Alert:
    base = Alert.objects.select_related("created_by__person", "approved_by__person")
    replies = AlertReply.objects.select_related("author__person", "organisation")
    qs = _with_recipients(base, "acknowledged_by__person", "outcome_by__person").prefetch_related(
        Prefetch("replies", queryset=replies),
        Prefetch("attachments", queryset=AlertAttachment.objects.defer("content_ciphertext")),
    )
    return get_visible_or_404(user, qs, pk=pk)


def shareable_alert(*, user, pk) -> Alert | None:
    """The alert `user` may share, for the share picker's search: any other id (not a number,
    not visible, not shareable) finds nobody rather than a page of its own."""
    try:
        alert = get_visible_or_404(user, _with_recipients(Alert.objects.all()), pk=int(pk))
    except (Http404, ValueError):
        return None
    return alert if can(user, "alerts.share", alert) else None


def alert_reads(*, alert: Alert) -> QuerySet:
    """The read log of one alert the caller already holds (loaded through alert_get)."""
    return AlertRead.objects.filter(alert=alert).select_related("user__person", "organisation")


def attachment_get(*, user, alert: Alert, pk) -> AlertAttachment:
    attachments = AlertAttachment.objects.filter(alert=alert).defer("content_ciphertext")
    return get_visible_or_404(user, attachments, pk=pk)


def recipient_row_for(*, user, alert: Alert) -> AlertRecipient | None:
    """The caller's agency's recipient row (from the prefetched recipients), if any."""
    orgs = principal_for(user).le_organisation_ids
    return next((r for r in alert.recipients.all() if r.organisation_id in orgs), None)


def share_candidates(*, user, alert: Alert) -> QuerySet:
    """Vetted members of the other law-enforcement agencies of my recipient agency's country,
    who cannot read the alert yet (not in a recipient or the sending agency, not shared with)."""
    row = recipient_row_for(user=user, alert=alert)
    if row is None:
        return Person.objects.none()
    readers = {alert.sender_organisation_id, *(r.organisation_id for r in alert.recipients.all())}
    agencies = Organisation.objects.filter(
        sector=Sector.LAW_ENFORCEMENT, country_id=row.country_id
    ).exclude(pk__in=readers)
    inside = Membership.objects.filter(Membership.current_q(), organisation_id__in=readers)
    shared = [s.person_id for s in alert.shares.all()]
    return labelled(
        vetted_people(organisation_ids=agencies.values("pk"))
        .exclude(pk__in=inside.values("person_id"))
        .exclude(pk__in=shared)
    )


def share_agency(*, person_id: int, country_id: int) -> int | None:
    """The same-country law-enforcement agency through which a colleague receives a share."""
    return (
        Membership.objects.filter(
            Membership.current_q(),
            person_id=person_id,
            organisation__sector=Sector.LAW_ENFORCEMENT,
            organisation__country_id=country_id,
        )
        .order_by("organisation_id")
        .values_list("organisation_id", flat=True)
        .first()
    )


def sender_organisations_for(*, user) -> QuerySet:
    """The law-enforcement organisations a vetted user may send from."""
    return Organisation.objects.filter(pk__in=principal_for(user).le_organisation_ids)


def recipient_organisation_choices(*, user) -> QuerySet:
    """Law-enforcement organisations of partner countries (not the sender's own country)."""
    p = principal_for(user)
    return (
        Organisation.objects.filter(sector=Sector.LAW_ENFORCEMENT)
        .exclude(country_id__in=p.country_ids)
        .select_related("country")
        .order_by("country__code", "name")
    )


def nameable_people(*, user) -> QuerySet:
    """Whom a RED alert from this sender may name: vetted members of the partner agencies and
    of the sender's own, labelled (Person.label). The form's choices and the picker's search."""
    partners = list(recipient_organisation_choices(user=user).values_list("pk", flat=True))
    own = list(principal_for(user).le_organisation_ids)
    return labelled(vetted_people(organisation_ids=[*partners, *own]))


def _vetted_q(prefix: str = "") -> Q:
    today = timezone.localdate()
    return Q(
        **{
            f"{prefix}vettings__level__in": LE_VETTING_LEVELS,
            f"{prefix}vettings__verified_on__lte": today,
            f"{prefix}vettings__expires_on__gt": today,
        }
    )


def vetted_people(*, organisation_ids) -> QuerySet:
    """People currently vetted in one of these law-enforcement organisations (for RED naming)."""
    members = Membership.objects.filter(
        Membership.current_q(),
        person=OuterRef("pk"),
        organisation_id__in=organisation_ids,
        organisation__sector=Sector.LAW_ENFORCEMENT,
    )
    return (
        Person.objects.filter(Exists(members), _vetted_q(), erased_at__isnull=True)
        .filter(user__isnull=False, user__is_active=True, user__totpdevice__confirmed=True)
        .distinct()
        .order_by("full_name")
    )


def vetted_users(*, organisation_ids, person_ids=None) -> QuerySet:
    """Accounts to notify: vetted members with a second factor (the people who can open it)."""
    people = vetted_people(organisation_ids=organisation_ids)
    if person_ids is not None:
        people = people.filter(pk__in=person_ids)
    return get_user_model().objects.filter(person__in=people.values("pk")).order_by("pk")


def vetted_people_by_organisation(*, organisation_ids) -> dict[int, set[int]]:
    """organisation id -> ids of its vetted people (one query), to check RED naming."""
    rows = Membership.objects.filter(
        Membership.current_q(),
        organisation_id__in=organisation_ids,
        person__in=vetted_people(organisation_ids=organisation_ids).values("pk"),
    ).values_list("organisation_id", "person_id")
    result: dict[int, set[int]] = {}
    for org_id, person_id in rows:
        result.setdefault(org_id, set()).add(person_id)
    return result


def awaiting_count(*, user) -> int:
    """For the dashboard card: alerts to my agency I have not yet acknowledged."""
    orgs = principal_for(user).le_organisation_ids
    waiting = AlertRecipient.objects.filter(
        alert=OuterRef("pk"), organisation_id__in=orgs, acknowledged_at__isnull=True
    )
    return visible(user, Alert.objects.filter(status__in=OPEN)).filter(Exists(waiting)).count()


@dataclass(frozen=True)
class SendReview:
    """What the sender confirms before a draft leaves the agency (the review page)."""

    alert: Alert
    recipients: list  # AlertRecipient rows, organisation and country joined
    refused: list  # the recipient agencies the sender may no longer send to
    foreign_countries: list  # names of the countries outside the sender's own
    named: list  # (full name, agency) of each person a RED alert names

    @property
    def ready(self) -> bool:
        return bool(self.recipients) and not self.refused


def send_review(*, user, alert: Alert) -> SendReview:
    """The draft's recipients, each checked again against who the sender may send to now."""
    require(user, "alerts.send", alert)
    rows = list(alert.recipients.all())
    allowed = set(
        recipient_organisation_choices(user=user)
        .filter(pk__in=[r.organisation_id for r in rows])
        .values_list("pk", flat=True)
    )
    foreign = [r.country.name for r in rows if r.country_id != alert.origin_country_id]
    return SendReview(
        alert=alert,
        recipients=rows,
        refused=[r.organisation for r in rows if r.organisation_id not in allowed],
        foreign_countries=sorted(set(foreign)),
        named=_named_with_agency(alert, rows),
    )


def _named_with_agency(alert: Alert, rows) -> list[tuple[str, str]]:
    """Each named person with the sending or recipient agency they belong to (one query)."""
    people = {p.pk: p for p in alert.named_people.all()}
    if not people:
        return []
    agencies = [alert.sender_organisation_id, *(r.organisation_id for r in rows)]
    found = dict(
        Membership.objects.filter(
            Membership.current_q(), person_id__in=people, organisation_id__in=agencies
        )
        .order_by("organisation__name")
        .values_list("person_id", "organisation__name")
    )
    return sorted((p.full_name, found.get(pk, "")) for pk, p in people.items())
