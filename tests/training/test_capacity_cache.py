"""The capacity report is computed once per data version and reused: a second reading asks the
database for the version only, and any change to what the figures count (an enrolment, a test
score, a follow-up, a delivery's trainers, an agency's name) shows at the next reading. Each
reader's scope has its own entry, so a cached report never reaches someone who may not see it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protectnet.training import services
from protectnet.training.models import Delivery, Enrolment, FollowUp
from tests import factories as f

from .conftest import capacity_csv, flip_single_choice_keys, key, reload

pytestmark = pytest.mark.django_db


def _tables_read(client, query: str) -> tuple[dict, str]:
    with CaptureQueriesContext(connection) as queries:
        rows = capacity_csv(client, query)
    return rows, " ".join(q["sql"] for q in queries.captured_queries)


@pytest.mark.parametrize("query", ["dimension=country", "dimension=course&by=quarter"])
def test_a_second_reading_does_not_count_again(history, login, query):
    client = login(history.w.admin)
    first, sql = _tables_read(client, query)
    assert "training_enrolment" in sql
    again, sql = _tables_read(client, query)
    assert again == first
    assert "training_enrolment" not in sql
    assert "training_followup" not in sql


def test_the_page_and_the_export_share_the_counted_report(history, login):
    client = login(history.w.admin)
    capacity_csv(client, "dimension=country")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/training/capacity/?dimension=country")
    assert page.status_code == 200
    assert page.context["report"].total.trained == 4
    assert not any("training_enrolment" in q["sql"] for q in queries.captured_queries)


def test_a_new_completion_shows_at_the_next_reading(history, login):
    client = login(history.w.admin)
    assert capacity_csv(client, "dimension=country")["All"][:3] == ["4", "8", "6"]
    delivery = Delivery.objects.get(course=history.victims)
    Enrolment.objects.create(
        delivery=delivery,
        person=f.PersonFactory(),
        organisation=history.w.kh_police,
        status="completed",
    )
    assert capacity_csv(client, "dimension=country")["All"][:3] == ["5", "9", "7"]


def test_a_withdrawal_and_a_deleted_enrolment_show_at_the_next_reading(history, login):
    client = login(history.w.admin)
    capacity_csv(client, "dimension=country")
    trained_once = Enrolment.objects.filter(status="completed", delivery__course=history.victims)
    first, second = trained_once.order_by("pk")
    first.status = "withdrawn"
    first.save()
    assert capacity_csv(client, "dimension=country")["All"][:4] == ["4", "7", "5", "2"]
    second.delete()
    assert capacity_csv(client, "dimension=country")["All"][:4] == ["3", "6", "4", "2"]


def test_an_answered_follow_up_shows_at_the_next_reading(history, login):
    client = login(history.w.admin)
    assert capacity_csv(client, "dimension=country")["All"][9:] == ["5", "4", "50.0"]
    unanswered = FollowUp.objects.get(answered_at__isnull=True)
    unanswered.applied = "yes"
    unanswered.answered_at = unanswered.sent_at or unanswered.enrolment.created_at
    unanswered.save()
    assert capacity_csv(client, "dimension=country")["All"][9:] == ["5", "5", "60.0"]


def test_scores_changed_by_a_rescoring_show_at_the_next_reading(tw, login):
    """The rescoring writes every changed score in one bulk update, which sends no signal."""
    for enrolment, user in ((tw.kh_le, tw.w.kh_le), (tw.guest, tw.w.guest)):
        for kind in ("pre", "post"):
            services.test_submit(
                actor=user, enrolment=reload(enrolment), kind=kind, answers=key(tw.course)
            )
    client = login(tw.w.admin)
    assert capacity_csv(client, "dimension=country")["All"][5:7] == ["100.0", "100.0"]
    flip_single_choice_keys(tw.course)
    assert services.delivery_rescore(actor=tw.w.trainer, delivery=tw.delivery) == 4
    assert capacity_csv(client, "dimension=country")["All"][5:7] == ["33.3", "33.3"]


def test_a_trainer_given_a_delivery_sees_its_figures_at_the_next_reading(history, login):
    trainer = history.w.trainer
    client = login(trainer)
    response = client.get("/training/capacity/")
    assert response.context["report"].total.enrolled == 0
    Delivery.objects.get(course=history.victims).trainers.add(trainer.person)
    assert capacity_csv(client, "dimension=country")["All"][:3] == ["2", "2", "2"]


def test_a_renamed_agency_is_shown_under_its_new_name(history, login):
    client = login(history.w.admin)
    assert "Thai Police" not in capacity_csv(client, "dimension=agency")
    history.w.th_police.name = "Thai Police"
    history.w.th_police.save()
    assert capacity_csv(client, "dimension=agency")["Thai Police"][:3] == ["2", "3", "2"]


def test_a_cached_report_never_reaches_a_narrower_scope(history, login):
    assert list(capacity_csv(login(history.w.admin), "dimension=country")) == [
        *("Cambodia", "Thailand", "All")
    ]
    focal = capacity_csv(login(history.w.kh_focal), "dimension=country")
    assert list(focal) == ["Cambodia", "All"]
    assert focal["All"][:4] == ["2", "5", "4", "0"]
