"""A workshop with an agenda, a course and a library resource, each written in English with
some texts translated (Khmer, Thai, Vietnamese). Everything here is fictitious."""

from datetime import time
from types import SimpleNamespace

import pytest
from django.conf import settings

from protectnet.access.markings import Marking
from protectnet.training import services as training
from protectnet.workshops.services import editions
from tests import factories as f
from tests.library.conftest import make_resource

KM_TITLE = "សិក្ខាសាលាថ្នាក់តំបន់ស្តីពីការការពារកុមារ"
TH_TITLE = "การประชุมเชิงปฏิบัติการระดับภูมิภาค"


def reader(client_factory, user, lang: str):
    """A signed-in client whose chosen language (the switcher's cookie) is `lang`."""
    client = client_factory(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    return client


@pytest.fixture
def content(world):
    workshop = f.WorkshopFactory(
        host_country=world.kh, title="Regional workshop on child protection"
    )
    editions.workshop_update(
        actor=world.admin,
        workshop=workshop,
        data=editions.WorkshopInput.of(workshop),
        translations={"km": {"title": KM_TITLE}, "th": {"title": TH_TITLE, "description": ""}},
    )
    session = editions.session_save(
        actor=world.admin,
        workshop=workshop,
        data=editions.SessionInput(
            title="Opening plenary",
            kind="plenary",
            starts_at=editions.to_utc(workshop, workshop.start_date, time(9)),
            ends_at=editions.to_utc(workshop, workshop.start_date, time(10)),
        ),
        translations={"km": {"title": "ពិធីបើក"}},
    )
    course = training.course_create(
        actor=world.admin,
        data=training.CourseInput(
            title="Online investigations for police",
            summary="How offenders use technology, and how to investigate it.",
            delivering_organisation=world.uk_agency,
            duration_hours=24,
        ),
        translations={"th": {"title": "การสืบสวนออนไลน์สำหรับตำรวจ"}},
    )
    resource = make_resource(
        world.uk_agency, Marking.GREEN, title="Guide to victim identification", summary="Steps."
    )
    resource.created_by = world.admin  # as the form would have it (make_resource leaves it out)
    resource.save(update_fields=["created_by"])
    return SimpleNamespace(workshop=workshop, session=session, course=course, resource=resource)
