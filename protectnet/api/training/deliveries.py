"""API operations on deliveries (cohorts): the schedule and rescoring."""

from datetime import date, datetime
from typing import Literal

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from protectnet.access.routes import requires
from protectnet.network import selectors as network_selectors
from protectnet.training import selectors, services

from .common import Paging

router = Router()


class DeliveryOut(Schema):
    id: int
    course_id: int
    course_title: str
    start_date: date
    end_date: date
    mode: str
    place: str
    host_country: str
    language: str
    capacity: int
    seats_taken: int
    trainers: list[str]
    pre_test_opens_at: datetime | None
    pre_test_closes_at: datetime | None
    post_test_opens_at: datetime | None
    post_test_closes_at: datetime | None


class DeliveryPage(Schema):
    count: int
    items: list[DeliveryOut]


class DeliveryIn(Schema):
    start_date: date
    end_date: date
    mode: Literal["in_person", "online", "blended"] = "in_person"
    place: str = Field("", max_length=255)
    host_country: str = Field(..., min_length=2, max_length=2, description="ISO code, e.g. KH")
    language: str = Field(..., min_length=2, max_length=16)
    capacity: int = Field(..., ge=1, le=1000)


def _delivery_out(d) -> dict:
    return {
        "id": d.pk,
        "course_id": d.course_id,
        "course_title": d.course.title,
        "start_date": d.start_date,
        "end_date": d.end_date,
        "mode": d.mode,
        "place": d.place,
        "host_country": str(d.host_country.code),
        "language": d.language,
        "capacity": d.capacity,
        "seats_taken": getattr(d, "seats_taken", 0),
        "trainers": [t.display_name for t in d.trainers.all()],
        "pre_test_opens_at": d.pre_test_opens_at,
        "pre_test_closes_at": d.pre_test_closes_at,
        "post_test_opens_at": d.post_test_opens_at,
        "post_test_closes_at": d.post_test_closes_at,
    }


@router.get("/deliveries", response=DeliveryPage, summary="Deliveries (cohorts)")
@requires("training.course.view")
def training_delivery_list(request, paging: Query[Paging], course: int | None = None):
    course_obj = selectors.course_get(user=request.user, pk=course) if course else None
    count, items = selectors.delivery_page(
        user=request.user, course=course_obj, offset=paging.offset, limit=paging.limit
    )
    return {"count": count, "items": [_delivery_out(d) for d in items]}


@router.get("/deliveries/{delivery_id}", response=DeliveryOut, summary="One delivery")
@requires("training.course.view")
def training_delivery_get(request, delivery_id: int):
    return _delivery_out(selectors.delivery_get(user=request.user, pk=delivery_id))


@router.post(
    "/courses/{course_id}/deliveries", response={201: DeliveryOut}, summary="Schedule a delivery"
)
@requires("training.delivery.create")
def training_delivery_create(request, course_id: int, payload: DeliveryIn):
    course = selectors.course_get(user=request.user, pk=course_id)
    try:
        country = network_selectors.country_get(user=request.user, code=payload.host_country)
    except Http404:
        raise HttpError(422, _("Unknown host country.")) from None
    data = services.DeliveryInput(**payload.dict(exclude={"host_country"}), host_country=country)
    delivery = services.delivery_create(actor=request.user, course=course, data=data)
    return Status(201, _delivery_out(selectors.delivery_get(user=request.user, pk=delivery.pk)))
