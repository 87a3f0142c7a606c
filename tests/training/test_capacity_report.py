"""The capacity figures: completion, knowledge gain, normalised gain, follow-up application."""

from datetime import timedelta

import pytest

from protectnet.training import services
from protectnet.training.capacity import capacity_report

from .conftest import enrol, key, reload, wrong

pytestmark = pytest.mark.django_db


def _mix(course, right: int) -> dict:
    """Answers with the first `right` questions correct and the others wrong."""
    good, bad = key(course), wrong(course)
    return {q: (good[q] if i < right else bad[q]) for i, q in enumerate(sorted(good))}


@pytest.fixture
def results(tw):
    w = tw.w
    thai = enrol(w, tw.delivery, w.th_le, w.th_police)
    services.enrolment_withdraw(actor=w.admin, enrolment=thai)
    both = {tw.kh_le.pk, tw.guest.pk}
    for day in tw.delivery.days:
        services.attendance_record(actor=w.trainer, delivery=tw.delivery, day=day, present_ids=both)
    for e, user, pre, post in ((tw.kh_le, w.kh_le, 1, 3), (tw.guest, w.guest, 2, 2)):
        services.test_submit(
            actor=user, enrolment=reload(e), kind="pre", answers=_mix(tw.course, pre)
        )
        services.test_submit(
            actor=user, enrolment=reload(e), kind="post", answers=_mix(tw.course, post)
        )
    services.delivery_completion_mark(actor=w.trainer, delivery=tw.delivery)
    services.followups_send(today=tw.delivery.end_date + timedelta(days=95))
    followup = reload(tw.kh_le).followups.get()
    services.followup_answer(actor=w.kh_le, followup=followup, applied="yes", example="")
    return tw


def test_country_figures(results):
    report = capacity_report(user=results.w.admin, dimension="country")
    groups = {g.label: g for g in report.groups}
    kh, th = groups["Cambodia"], groups["Thailand"]
    assert (kh.trained, kh.enrolled, kh.completed, kh.withdrawn) == (2, 2, 2, 0)
    assert (kh.mean_pre, kh.mean_post, kh.gain, kh.normalised_gain) == (50.0, 83.3, 33.3, 0.67)
    assert (kh.asked, kh.answered, kh.application_rate, kh.response_rate) == (2, 1, 100.0, 50.0)
    # Dropping out is reported, not hidden.
    assert (th.enrolled, th.withdrawn, th.completion_rate) == (0, 1, None)
    assert report.total.withdrawn == 1 and report.total.completion_rate == 100.0


def test_agency_and_course_breakdowns(results):
    agencies = {
        g.label: g for g in capacity_report(user=results.w.admin, dimension="agency").groups
    }
    police = agencies["Cambodian Test Police"]
    assert (police.mean_pre, police.mean_post, police.normalised_gain) == (33.3, 100.0, 1.0)
    courses = capacity_report(user=results.w.admin, dimension="course").groups
    assert [g.label for g in courses] == [results.course.title]
    sectors = {g.label for g in capacity_report(user=results.w.admin, dimension="sector").groups}
    assert sectors == {"Law enforcement", "NGO"}


def test_over_time_by_year_and_quarter(results):
    year = results.delivery.start_date.year
    by_year = capacity_report(user=results.w.admin, by="year")
    assert by_year.periods == [str(year)] and by_year.trained_by_period == [2]
    assert by_year.by_group_over_time == {"Cambodia": [2]}
    quarter = capacity_report(user=results.w.admin, by="quarter")
    assert quarter.periods[0].startswith(f"{year} Q")


def test_date_filters(results):
    start = results.delivery.start_date
    assert (
        capacity_report(user=results.w.admin, start=start + timedelta(days=1)).total.enrolled == 0
    )
    assert capacity_report(user=results.w.admin, end=start).total.enrolled == 2


def test_a_focal_point_sees_the_figures_of_their_country(results):
    kh = capacity_report(user=results.w.kh_focal).total
    th = capacity_report(user=results.w.th_focal).total
    assert kh.enrolled == 2 and th.enrolled == 0 and th.withdrawn == 1
