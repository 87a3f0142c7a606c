"""Pick the objects the detail pages open, from the built data, and give the bench users a part.

A typical object is taken from the middle of the built history (not the first row, which may be
unusually small or old), and the bench users are written into it the way the services would
have: the member holds a registration and a completed enrolment, the trainer trains the
delivery, the focal point's country has a delegation in the workshop.
"""

from protectnet.alerts.models import Alert
from protectnet.training.models import Certificate, Delivery, Enrolment
from protectnet.workshops.models import Delegation, Invitation, Nomination, Registration


def _middle(qs):
    count = qs.count()
    return qs[count // 2] if count else None


def _workshop_picks(member, country_id: int) -> dict:
    delegations = Delegation.objects.filter(
        country_id=country_id, workshop__status="completed", seats_registered__gt=0
    ).order_by("workshop__start_date", "pk")
    delegation = _middle(delegations)
    if delegation is None:
        return {}
    reg = Registration.objects.filter(delegation=delegation, status="registered").order_by("pk")[0]
    # The member takes this registrant's place: nomination, invitation and registration agree.
    Nomination.objects.filter(invitation__registration=reg).update(person=member)
    Invitation.objects.filter(registration=reg).update(person=member)
    org = member.memberships.select_related("organisation").first().organisation
    Registration.objects.filter(pk=reg.pk).update(
        person=member, organisation=org, sector=org.sector
    )
    return {
        "workshop_id": delegation.workshop_id,
        "series_id": delegation.workshop.series_id,
        "delegation_id": delegation.pk,
        "registration_id": reg.pk,
    }


def _training_picks(member, trainer) -> dict:
    marked = Delivery.objects.filter(completion_marked_at__isnull=False).order_by(
        "start_date", "pk"
    )
    delivery = _middle(marked)
    if delivery is None:
        return {}
    through = Delivery.trainers.through
    trained = marked.values_list("pk", flat=True)[::5]
    through.objects.bulk_create(
        [through(delivery_id=pk, person_id=trainer.pk) for pk in {delivery.pk, *trained}],
        ignore_conflicts=True,
    )
    enrolment = Enrolment.objects.filter(delivery=delivery, status="completed").order_by("pk")[0]
    org_id = member.memberships.values_list("organisation_id", flat=True).first()
    Enrolment.objects.filter(pk=enrolment.pk).update(person=member, organisation_id=org_id)
    Certificate.objects.filter(enrolment=enrolment).update(holder_name=member.full_name)
    code = Certificate.objects.filter(enrolment=enrolment).values_list("code", flat=True).first()
    return {"delivery_id": delivery.pk, "course_id": delivery.course_id, "certificate_code": code}


def _alert_pick(le_user) -> dict:
    orgs = le_user.person.memberships.values_list("organisation_id", flat=True)
    received = Alert.objects.filter(
        recipients__organisation_id__in=orgs, status="acknowledged", replies__isnull=False
    ).order_by("sent_at", "pk")
    alert = _middle(received.distinct())
    return {"alert_id": alert.pk} if alert else {}


def pick(users: dict) -> dict:
    member = users["member"].person
    focal_country = users["focal_point"].person.focal_point_for.values_list("country_id", flat=True)
    picks = _workshop_picks(member, focal_country[0])
    picks.update(_training_picks(member, users["trainer"].person))
    picks.update(_alert_pick(users["le_vetted"]))
    return picks
