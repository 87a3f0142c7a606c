"""The change log behind cached results stays small: pruning forgets old changes but keeps each
name's newest, and every change after a prune still gives a new version."""

from datetime import timedelta

import pytest
from django.utils import timezone

from protectnet.core import tasks, versions
from protectnet.core.models import DataChange
from protectnet.training.capacity import VERSION
from protectnet.training.models import Enrolment

pytestmark = pytest.mark.django_db


def _age(hours: int) -> None:
    DataChange.objects.update(at=timezone.now() - timedelta(hours=hours))


def _names() -> int:
    return DataChange.objects.values("name").distinct().count()


def test_pruning_keeps_the_newest_change_of_each_name():
    versions.touched(Enrolment)  # an enrolment counts for every result that watches it
    versions.touched(Enrolment)
    DataChange.objects.create(name="another.result")
    _age(2)
    newest = DataChange.objects.filter(name=VERSION).latest("id").pk
    before, names = DataChange.objects.count(), _names()
    assert tasks.data_changes_prune.call() == before - names
    assert list(DataChange.objects.filter(name=VERSION).values_list("pk", flat=True)) == [newest]
    assert DataChange.objects.filter(name="another.result").count() == 1
    assert DataChange.objects.count() == names


def test_recent_changes_are_kept_and_a_change_after_pruning_moves_the_version_on():
    versions.touched(Enrolment)
    _age(2)
    versions.touched(Enrolment)
    assert versions.prune() == _names()  # each name's older change
    before = versions.version(VERSION)
    versions.touched(Enrolment)
    assert versions.version(VERSION) != before


def test_a_model_nobody_watches_records_nothing():
    versions.touched(DataChange)
    assert not DataChange.objects.exists()


def test_a_result_is_computed_once_per_version_and_per_parts():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert versions.cached(VERSION, ("a",), compute) == 1
    assert versions.cached(VERSION, ("a",), compute) == 1
    assert versions.cached(VERSION, ("b",), compute) == 2
    versions.touched(Enrolment)
    assert versions.cached(VERSION, ("a",), compute) == 3


def test_a_change_committing_after_a_later_one_moves_the_version_on():
    # Ids are handed out at insert: a transaction that commits late brings a lower id.
    DataChange.objects.create(id=1000, name=VERSION)
    before = versions.version(VERSION)
    DataChange.objects.create(id=990, name=VERSION)
    assert versions.version(VERSION) != before


def test_reading_the_version_reads_a_bounded_number_of_changes(django_assert_num_queries):
    DataChange.objects.bulk_create([DataChange(name=VERSION) for _ in range(versions.WINDOW * 3)])
    with django_assert_num_queries(1) as captured:
        first = versions.version(VERSION)
    assert f"LIMIT {versions.WINDOW}" in captured.captured_queries[0]["sql"]
    versions.touched(Enrolment)
    assert versions.version(VERSION) != first
