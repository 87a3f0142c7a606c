"""Alert pages start with the shared page header (breadcrumbs, heading) and show each date and
time in the reader's language's one format, still in UTC; a RED alert's named recipients are
named as everywhere else: full name and organisation."""

import re

from django.utils import translation
from django.utils.formats import date_format

from protectnet.access.markings import Marking


def _crumbs(html: str) -> list[str]:
    nav = re.search(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li>(.*?)</li>", nav, re.S)]


def test_alert_detail_starts_with_the_page_header(w, send, login):
    alert = send()
    html = login(w.uk_le).get(f"/alerts/{alert.pk}/").content.decode()
    assert 'class="breadcrumb"' not in html  # the old markup is gone
    assert _crumbs(html) == ["Partner alerts", alert.reference]
    assert f'<span aria-current="page">{alert.reference}</span>' in html
    assert re.search(
        r'<header class="page-header">.*?<h1>Travel notification ' + alert.reference, html, re.S
    )


def test_retract_and_review_pages_lead_back_through_the_alert(w, send, login):
    client = login(w.uk_le)
    alert = send()
    assert _crumbs(client.get(f"/alerts/{alert.pk}/retract/").content.decode()) == [
        "Partner alerts",
        alert.reference,
        f"Retract alert {alert.reference}",
    ]
    draft = send(send=False)
    html = client.get(f"/alerts/{draft.pk}/send/").content.decode()
    assert _crumbs(html) == ["Partner alerts", draft.reference, "Review before sending"]


def test_alert_times_follow_the_language_and_say_utc(w, send, login):
    alert = send()
    with translation.override("en"):
        shown = date_format(alert.ack_deadline, "DATETIME_FORMAT")
    html = login(w.uk_le).get(f"/alerts/{alert.pk}/").content.decode()
    assert f"{shown}</time> UTC" in html
    assert alert.ack_deadline.strftime("%Y-%m-%d %H:%M") not in html
    listing = login(w.uk_le).get("/alerts/").content.decode()
    assert f"{shown}</time> UTC" in listing


def test_times_in_thai_use_the_thai_format(w, send, login):
    alert = send()
    client = login(w.uk_le)
    html = client.get(f"/alerts/{alert.pk}/", HTTP_ACCEPT_LANGUAGE="th").content.decode()
    with translation.override("th"):
        shown = date_format(alert.ack_deadline, "DATETIME_FORMAT")
    assert shown in html


def test_named_recipients_are_named_with_their_organisation(w, send, login):
    alert = send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    html = login(w.uk_le).get(f"/alerts/{alert.pk}/").content.decode()
    assert f"<li>{w.kh_le.person.label}</li>" in html
    assert w.kh_le.person.label == f"{w.kh_le.person.full_name} (Cambodian Test Police)"


def test_share_form_names_each_colleague_with_their_agency(w, send, login):
    from tests import factories as f

    immigration = f.OrganisationFactory(
        name="Cambodian Test Immigration Police", sector="law_enforcement", country=w.kh
    )
    colleague = f.make_le_vetted(immigration, "le.imm.kh@example.test").person
    colleague.preferred_name = "Vanna"
    colleague.save(update_fields=["preferred_name"])
    html = login(w.kh_le).get(f"/alerts/{send().pk}/").content.decode()
    label = f"{colleague.full_name} (Cambodian Test Immigration Police)"
    assert f'<option value="{colleague.pk}">{label}</option>' in html
    assert ">Vanna</option>" not in html
