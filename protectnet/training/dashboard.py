"""Dashboard cards: the trainee's open tasks, a trainer's deliveries, capacity for the network."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import can, visible
from protectnet.access.principal import principal_for
from protectnet.core import versions
from protectnet.core.dashboard import Card

from .capacity import VERSION
from .models import Delivery, Enrolment, EnrolmentStatus, FollowUp


def cards(user) -> list[Card]:
    if not can(user, "training.course.view"):
        return []
    p = principal_for(user)
    out = []
    if p.person_id:
        mine = visible(user, Enrolment.objects.filter(person_id=p.person_id))
        current = mine.filter(status=EnrolmentStatus.ENROLLED).count()
        waiting = visible(
            user, FollowUp.objects.filter(enrolment__person_id=p.person_id, answered_at=None)
        ).count()
        if current or waiting:
            out.append(
                Card(
                    title=_("My courses"),
                    value=str(current),
                    detail=_("%(n)s follow-up questions waiting") % {"n": waiting}
                    if waiting
                    else _("Courses you are enrolled in."),
                    url=reverse("training:my_training"),
                    order=30,
                )
            )
        if p.has("trainer"):
            upcoming = visible(
                user,
                Delivery.objects.filter(trainers=p.person_id, end_date__gte=timezone.localdate()),
            ).count()
            out.append(
                Card(
                    title=_("Deliveries you train"),
                    value=str(upcoming),
                    detail=_("Current and upcoming."),
                    url=reverse("training:course_list"),
                    order=31,
                )
            )
    if can(user, "training.capacity.view"):
        year = timezone.localdate().year
        trained = versions.cached(
            VERSION, ("dashboard", p.scope, year), lambda: _trained_in(user, year)
        )
        out.append(
            Card(
                title=_("People trained this year"),
                value=str(trained),
                detail=_("Completed a course in %(year)s.") % {"year": year},
                url=reverse("training:capacity"),
                order=32,
            )
        )
    return out


def _trained_in(user, year: int) -> int:
    # Starting from this year's deliveries and counting distinct people in one aggregate
    # lets SQLite use the delivery index instead of walking every enrolment by person.
    this_year = Delivery.objects.filter(start_date__year=year).values("pk")
    completed = Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED, delivery__in=this_year)
    return visible(user, completed).aggregate(n=Count("person_id", distinct=True))["n"]
