"""Dates people read are in their language's format ("4 Mar 2030", "4 มีนาคม 2030"), never
ISO 8601, which stays in attributes, addresses and machine fields."""

from datetime import date

import pytest
from django.utils import translation

from protectnet.core.dashboard import per_period
from protectnet.workshops import dashboard, report
from protectnet.workshops.forms import SessionForm
from protectnet.workshops.models import Speaker
from protectnet.workshops.selectors import editions as sel
from tests import factories as f

READ = {"en": "4 Mar 2030", "th": "4 มีนาคม 2030"}


@pytest.mark.parametrize("language", ["en", "th"])
def test_the_dashboard_card_names_the_next_workshops_date_in_the_language(world, language):
    f.WorkshopFactory(host_country=world.kh, edition=5)
    with translation.override(language):
        (card,) = [c for c in dashboard.cards(world.admin) if c.order == 20]
        assert READ[language] in card.detail and "2030-03-04" not in card.detail


@pytest.mark.parametrize("language", ["en", "th"])
def test_report_chart_and_session_days_are_in_the_language(world, language):
    workshop = f.WorkshopFactory(host_country=world.kh)
    with translation.override(language):
        chart = report.workshop_report(workshop)["charts"]["attendance"]
        form = SessionForm(
            workshop=workshop,
            speakers=Speaker.objects.none(),
            resources=sel.resource_choices(user=world.admin),
        )
        choices = dict(form.fields["day"].choices)
    assert READ[language] in chart and "2030-03-04" not in chart
    assert choices["2030-03-04"] == READ[language]  # the value stays ISO


@pytest.mark.parametrize(("language", "label"), [("en", "Mar 2030"), ("th", "มีนาคม 2030")])
def test_month_trend_labels_are_in_the_language(language, label):
    with translation.override(language):
        labels, values = per_period({"2030-03": 2}, [date(2030, 3, 1)])
    assert labels == [label] and values == [2]
