"""The demo loader: three courses in three countries, realistic results, idempotent."""

import pytest

from protectnet.demo import training as demo
from protectnet.training.capacity import capacity_report
from protectnet.training.models import (
    Certificate,
    Course,
    Delivery,
    Enrolment,
    FollowUp,
    TestSubmission,
)
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def network_demo(db):
    """What the network demo provides: agencies in several countries and the demo accounts."""
    gb = f.CountryFactory(code="GB", region="europe")
    kh = f.CountryFactory(code="KH")
    th = f.CountryFactory(code="TH")
    vn = f.CountryFactory(code="VN")
    uk = f.OrganisationFactory(
        name="UK Child Protection Agency (fictitious)", sector="law_enforcement", country=gb
    )
    cnp = f.OrganisationFactory(
        name="Cambodian National Police", sector="law_enforcement", country=kh
    )
    f.OrganisationFactory(name="Royal Thai Police", sector="law_enforcement", country=th)
    f.OrganisationFactory(name="Viet Nam Education Network", sector="education", country=vn)
    f.make_le_vetted(cnp, "le.kh@protectnet.test")
    f.make_trainer("trainer@protectnet.test", org=uk)
    f.make_admin("admin@protectnet.test", org=uk)
    return cnp


def test_demo_builds_three_courses_in_three_countries_once(network_demo):
    demo.load()
    demo.load()
    assert Course.objects.count() == 3
    assert set(Delivery.objects.values_list("host_country__code", flat=True)) == {"KH", "TH", "VN"}
    online = Course.objects.get(title="Online investigations for police")
    past = online.deliveries.order_by("start_date").first()
    assert past.trainers.get().user.email == "trainer@protectnet.test"
    trainees = Enrolment.objects.filter(delivery=past)
    assert {e.organisation.name for e in trainees} == {"Cambodian National Police"}
    assert trainees.filter(person__user__email="le.kh@protectnet.test").exists()
    assert Certificate.objects.filter(enrolment__delivery=past).count() >= 5
    assert FollowUp.objects.filter(enrolment__delivery=past, months=6).exists()
    assert trainees.filter(status="withdrawn").count() == 1
    assert trainees.filter(status="not_completed").exists()


def test_demo_scores_show_a_realistic_gain(network_demo):
    demo.load()
    admin = f.UserFactory(email="admin@protectnet.test")
    report = capacity_report(user=admin, dimension="course")
    assert report.total.trained >= 12
    assert 25 <= report.total.mean_pre <= 70
    assert report.total.mean_post > report.total.mean_pre + 15
    assert 0 < report.total.normalised_gain < 1
    assert report.total.application_rate is not None
    assert (
        TestSubmission.objects.filter(kind="pre").count()
        == TestSubmission.objects.filter(kind="post").count()
    )


def test_demo_quietly_does_nothing_without_the_network_demo(db):
    demo.load()
    assert not Course.objects.exists()
