"""The capacity figures checked against a hand count of a small built history: three deliveries of
two courses over two years, trainees of two countries, a person trained twice, a withdrawal, an
empty test and follow-ups answered or not."""

import pytest

from .conftest import capacity_csv as _csv

pytestmark = pytest.mark.django_db


def test_country_figures_match_a_hand_count(history, login):
    rows = _csv(login(history.w.admin), "dimension=country")
    # trained, enrolled, completed, withdrew, completion %, pre, post, gain, g, sent, answered, %
    assert rows["Cambodia"] == [
        *("2", "5", "4", "0", "80.0", "50.0", "85.4", "35.4", "0.71", "3", "2", "50.0")
    ]
    # The 0/0 pre-test counts as 0 %, as the trainee's own results page shows it.
    assert rows["Thailand"] == [
        *("2", "3", "2", "1", "66.7", "0.0", "50.0", "50.0", "0.5", "2", "2", "50.0")
    ]
    # People trained twice (or in two countries' agencies) are counted once in the total.
    assert rows["All"] == [
        *("4", "8", "6", "1", "75.0", "40.0", "78.3", "38.3", "0.64", "5", "4", "50.0")
    ]
    assert list(rows) == ["Cambodia", "Thailand", "All"]


def test_course_and_sector_breakdowns_match_a_hand_count(history, login):
    client = login(history.w.admin)
    courses = _csv(client, "dimension=course")
    assert courses[history.online.title][:4] == ["3", "6", "4", "1"]
    assert courses[history.victims.title][:4] == ["2", "2", "2", "0"]
    sectors = _csv(client, "dimension=sector")
    assert sectors["Law enforcement"][:4] == ["4", "6", "5", "1"]
    assert sectors["NGO"][:4] == ["1", "2", "1", "0"]


def test_people_trained_over_time_are_distinct_in_each_period(history, login):
    client = login(history.w.admin)
    report = client.get("/training/capacity/?by=quarter").context["report"]
    assert report.periods == ["2025 Q1", "2025 Q3", "2026 Q1"]
    assert report.trained_by_period == [2, 2, 2]
    assert report.by_group_over_time == {"Cambodia": [2, 1, 1], "Thailand": [0, 1, 1]}
    by_year = client.get("/training/capacity/?by=year").context["report"]
    assert (by_year.periods, by_year.trained_by_period) == (["2025", "2026"], [3, 2])


def test_filters_and_scope_narrow_the_hand_count(history, login):
    later = _csv(login(history.w.admin), "start=2025-06-01")
    assert later["All"][:4] == ["4", "5", "4", "0"]
    # The Cambodian focal point sees the trainees of Cambodian agencies only.
    focal = _csv(login(history.w.kh_focal), "dimension=country")
    assert list(focal) == ["Cambodia", "All"]
    assert focal["All"][:4] == ["2", "5", "4", "0"]
