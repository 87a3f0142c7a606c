"""The inbox as an officer sees it: what needs action first, filters, badges, empty states."""

import re
from datetime import timedelta

from django.utils import timezone

from protectnet.alerts import services
from protectnet.alerts.models import Alert


def _overdue(alert, days: int) -> None:
    Alert.objects.filter(pk=alert.pk).update(
        ack_deadline=timezone.now() - timedelta(days=days, hours=1)
    )


def _ack(w, alert, user=None) -> None:
    loaded = Alert.objects.prefetch_related("recipients").get(pk=alert.pk)
    services.alert_acknowledge(actor=user or w.kh_le, alert=loaded)


def _order(body: str, *alerts) -> list[int]:
    return sorted(range(len(alerts)), key=lambda i: body.index(alerts[i].reference))


def test_an_urgent_alert_past_its_deadline_comes_first_with_an_overdue_badge(w, send, login):
    routine = send(priority="routine")
    high = send(priority="high")
    urgent_late = send(priority="urgent")
    _overdue(urgent_late, 2)
    done = send(priority="urgent")
    _ack(w, done)
    body = login(w.kh_le).get("/alerts/").content.decode()
    # Overdue first, then waiting for my agency by priority, then what was already acknowledged.
    assert _order(body, urgent_late, high, routine, done) == [0, 1, 2, 3]
    row = body[
        body.index(urgent_late.reference) : body.index("</tr>", body.index(urgent_late.reference))
    ]
    assert "Overdue by 2 days" in row and "badge-overdue" in row
    assert re.search(r"badge-urgent.*Urgent", row, re.S)
    assert "Awaiting your acknowledgement" in row
    # Text, not colour alone: every state and priority is spelled out.
    done_row = body[body.index(done.reference) :]
    assert "Acknowledged" in done_row.split("</tr>")[0]


def test_needs_my_acknowledgement_filter_hides_what_my_agency_acknowledged(w, send, login):
    waiting, done = send(), send()
    _ack(w, done)
    response = login(w.kh_le).get("/alerts/?needs=ack")
    body = response.content.decode()
    assert waiting.reference in body and done.reference not in body
    assert re.search(r'href="\?needs=ack" aria-current="page">Needs my acknowledgement', body)
    # The sender's agency owes no acknowledgement: nothing for them.
    sender = login(w.uk_le).get("/alerts/?needs=ack").content.decode()
    assert waiting.reference not in sender
    assert "Nothing is waiting for your agency's acknowledgement." in sender


def test_overdue_filter_shows_late_alerts_to_sender_and_recipient(w, send, login):
    late, on_time = send(), send()
    _overdue(late, 1)
    for user in (w.kh_le, w.uk_le):
        body = login(user).get("/alerts/?overdue=1").content.decode()
        assert late.reference in body and on_time.reference not in body
        assert "Overdue by 1 day" in body
        assert 'href="?overdue=1" aria-current="page"' in body


def test_acknowledged_late_is_no_longer_overdue(w, send, login):
    alert = send()
    _overdue(alert, 3)
    _ack(w, alert)
    body = login(w.uk_le).get("/alerts/?overdue=1").content.decode()
    assert alert.reference not in body
    assert "No alert is past its acknowledgement deadline." in body


def test_the_sender_sees_an_overdue_alert_of_their_agency_first(w, send, login):
    fresh = send(priority="urgent")
    late = send(priority="routine")
    _overdue(late, 2)
    body = login(w.uk_le).get("/alerts/").content.decode()
    assert _order(body, late, fresh) == [0, 1]


def test_unknown_filter_values_show_every_alert(w, send, login):
    alert = send()
    client = login(w.kh_le)
    for query in ("needs=everything", "overdue=maybe", "box=nonsense"):
        response = client.get(f"/alerts/?{query}")
        assert response.status_code == 200 and alert.reference in response.content.decode()


def test_empty_inbox_says_what_to_do_next(w, login):
    body = login(w.kh_le).get("/alerts/").content.decode()
    assert "No alerts yet." in body
    assert "transnational child sex offender" in body
    assert 'href="/alerts/new/"' in body
    sent = login(w.kh_le).get("/alerts/?box=sent").content.decode()
    assert "Your agency has not sent an alert yet." in sent and "Show all alerts" in sent


def test_api_list_takes_the_same_filters_and_order(w, send, api):
    waiting, done = send(priority="routine"), send()
    late = send(priority="routine")
    _overdue(late, 2)
    _ack(w, done)
    client = api(w.kh_le)
    refs = [a["reference"] for a in client.get("/api/v1/alerts").json()["items"]]
    assert refs == [late.reference, waiting.reference, done.reference]
    needs = client.get("/api/v1/alerts?needs=ack").json()
    assert [a["reference"] for a in needs["items"]] == [late.reference, waiting.reference]
    overdue = client.get("/api/v1/alerts?overdue=true").json()
    assert [a["reference"] for a in overdue["items"]] == [late.reference]
    assert client.get("/api/v1/alerts?needs=nonsense").status_code == 422


def test_the_overdue_page_says_how_late(w, send, login):
    alert = send(priority="urgent")
    _overdue(alert, 2)
    body = login(w.kh_le).get("/alerts/overdue/").content.decode()
    assert "Overdue by 2 days" in body and "badge-urgent" in body
