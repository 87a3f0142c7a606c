"""The dashboard's counts of the directory, the library and training are counted once per
version of their data and reader's scope: a second visit reads none of those tables, and any
change (through a form, the admin or a bulk import) shows on the next visit."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from protectnet.access.markings import Marking
from protectnet.library.models import Resource
from protectnet.network.importer import commit
from protectnet.network.models import Membership, Person
from protectnet.network.services.erasure import person_erase
from protectnet.training.models import Enrolment
from tests import factories as f
from tests.library.conftest import make_resource
from tests.training.conftest import dated_delivery, make_course

pytestmark = pytest.mark.django_db

COUNTED = ("network_person", "network_organisation", "library_resource", "training_enrolment")
# What readers hold themselves (their courses, their agency's pending requests) is counted live,
# through an index on the person or the agency: those counts do not grow with the network.
OWN = (re.compile(r'"person_id" = \d+'), re.compile(r'"owner_organisation_id" IN \(\d+\)'))


def _cards(client) -> dict[str, int]:
    body = client.get("/").content.decode()
    found = re.findall(r'>([^<>]+)</a></h2>\s*<p class="card-value">(\d+)<', body)
    return {title: int(value) for title, value in found}


def _counts_made(client) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return [
        q["sql"]
        for q in ctx.captured_queries
        if "COUNT(" in q["sql"].upper()
        and any(table in q["sql"] for table in COUNTED)
        and not any(own.search(q["sql"]) for own in OWN)
    ]


def test_a_second_visit_counts_no_people_resources_or_enrolments(world, login):
    client = login(world.admin)
    assert _counts_made(client)  # the first visit counts
    assert _counts_made(client) == []


def _organisations(client) -> int:
    return int(re.search(r"people in (\d+) organisations", client.get("/").content.decode())[1])


def test_a_new_person_agency_or_resource_shows_on_the_next_visit(world, login):
    client = login(world.admin)
    before, agencies = _cards(client), _organisations(client)
    person = f.PersonFactory()
    Membership.objects.create(person=person, organisation=world.kh_ngo)
    assert _cards(client)["Directory"] == before["Directory"] + 1
    f.OrganisationFactory(country=world.th)
    make_resource(world.kh_ngo, Marking.GREEN, title="Fresh guide")
    assert _organisations(client) == agencies + 1
    assert _cards(client)["Library"] == before["Library"] + 1


def test_erasure_and_deletion_show_on_the_next_visit(world, login):
    client = login(world.admin)
    resource = make_resource(world.kh_ngo, Marking.GREEN, title="To delete")
    before = _cards(client)
    person_erase(actor=world.admin, person=world.kh_member.person)
    Resource.objects.get(pk=resource.pk).delete()
    after = _cards(client)
    assert after["Directory"] == before["Directory"] - 1
    assert after["Library"] == before["Library"] - 1


def test_a_bulk_import_shows_on_the_next_visit(world, login):
    client = login(world.admin)
    before = _cards(client)["Directory"]
    people = [Person(full_name=f"Imported {i}") for i in range(3)]
    Person.objects.bulk_create(people)
    Membership.objects.bulk_create(
        [Membership(person=p, organisation=world.kh_ngo) for p in people]
    )
    assert _cards(client)["Directory"] == before  # no signal yet: the cached figure
    commit.versions.touched(Person, Membership)  # what commit_people does after its writes
    assert _cards(client)["Directory"] == before + 3


def test_a_completed_course_shows_on_the_next_visit(world, login):
    client = login(world.admin)
    year = timezone.localdate().year
    delivery = dated_delivery(world, make_course(world), date(year, 1, 5), days=1)
    before = _cards(client)["People trained this year"]
    enrolment = Enrolment.objects.create(
        delivery=delivery, person=f.PersonFactory(), organisation=world.kh_police
    )
    assert _cards(client)["People trained this year"] == before
    enrolment.status = "completed"
    enrolment.save()
    assert _cards(client)["People trained this year"] == before + 1


def test_each_reader_gets_the_counts_of_their_own_scope(world, login):
    make_resource(world.th_ministry, Marking.AMBER, title="Thai ministry only")
    admin, thai, cambodian = login(world.admin), login(world.th_member), login(world.kh_member)
    thai_count, cambodian_count = _cards(thai)["Library"], _cards(cambodian)["Library"]
    assert thai_count == cambodian_count + 1
    _cards(admin)
    assert _cards(cambodian)["Library"] == cambodian_count  # never the Thai member's figure
    assert "Directory" not in _cards(login(world.guest))
