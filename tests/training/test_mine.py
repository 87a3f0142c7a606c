"""Training's part of My workshops: the person's own certificates, each with its PDF and public
verification page; a withdrawn one says so; nobody else's certificate ever shows, not to the
trainer who delivered the course nor to an admin; the page costs the same for 2 and 20."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from protectnet.training.models import Course
from protectnet.training.services.certificates import certificate_row

from .conftest import _enrol, dated_delivery


def _course(world, title="Online investigations") -> Course:
    return Course.objects.create(
        title=title,
        summary="Fictitious",
        duration_hours=8,
        delivering_organisation=world.uk_agency,
    )


def certify(world, user, course, start=date(2029, 5, 7)):
    delivery = dated_delivery(world, course, start)
    enrolment = _enrol(delivery, user.person, world.kh_ngo, "completed")
    return certificate_row(enrolment, delivery, actor=world.admin, now=timezone.now())


def _mine(client) -> str:
    response = client.get("/workshops/mine/")
    assert response.status_code == 200
    return response.content.decode()


def _certificates(page: str) -> str:
    start = page.index("Your training certificates")
    return page[start : page.index("</section>", start)]


def test_a_member_finds_each_certificate_with_its_pdf_and_verification_page(world, login):
    certificate = certify(world, world.kh_member, _course(world))
    section = _certificates(_mine(login(world.kh_member)))
    assert "<h3>Online investigations</h3>" in section
    assert "7 May 2029 – 9 May 2029 · issued by UK Test Agency" in section
    assert "Valid" in section and f'<code class="secret">{certificate.code}</code>' in section
    pdf = f'href="/training/certificates/{certificate.pk}/certificate.pdf" download'
    assert f"{pdf}>Download the certificate (PDF)</a>" in section
    assert f'href="/training/verify/{certificate.code}/">Verification page</a>' in section
    assert 'href="/training/mine/">My courses</a>' in section


def test_a_withdrawn_certificate_offers_no_pdf_and_says_why(world, login):
    certificate = certify(world, world.kh_member, _course(world))
    certificate.revoked_at = timezone.now()
    certificate.revocation_cause = "results"
    certificate.save(update_fields=["revoked_at", "revocation_cause"])
    section = _certificates(_mine(login(world.kh_member)))
    assert "Withdrawn:" in section and "certificate.pdf" not in section
    assert certificate.code not in section.replace(f"/training/verify/{certificate.code}/", "")


@pytest.mark.parametrize("who", ["admin", "trainer", "kh_focal", "th_member", "guest"])
def test_nobody_else_sees_a_members_certificate_on_their_page(who, world, login):
    certificate = certify(world, world.kh_member, _course(world))
    # The trainer delivered it: they may read it elsewhere, never as their own.
    certificate.enrolment.delivery.trainers.add(world.trainer.person)
    section = _certificates(_mine(login(getattr(world, who))))
    assert certificate.code not in section and "Online investigations" not in section
    assert "You hold no training certificate yet" in section


def test_a_trainer_sees_their_own_certificate_and_not_their_trainees(world, login):
    course = _course(world)
    trainees = certify(world, world.kh_member, course)
    trainees.enrolment.delivery.trainers.add(world.trainer.person)
    own = certify(world, world.trainer, _course(world, "Victim identification"))
    section = _certificates(_mine(login(world.trainer)))
    assert own.code in section and "Victim identification" in section
    assert trainees.code not in section


@pytest.mark.queries("workshops:my_workshop_list")
def test_my_workshops_costs_the_same_for_2_and_20_certificates(world, login, settings):
    settings.DEBUG = False
    client = login(world.kh_member)
    course = _course(world)

    def grow(first, n):
        for i in range(first, first + n):
            certify(world, world.kh_member, course, date(2029, 1, 1) + timedelta(days=7 * i))

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            _mine(client)
        return len(ctx.captured_queries)

    grow(0, 2)
    small = count()
    grow(2, 18)
    assert count() == small
    assert _certificates(_mine(client)).count("Verification page") == 20
