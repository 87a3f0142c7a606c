"""TLP:AMBER and TLP:AMBER+STRICT alerts reach the same people in ProtectNet (the vetted members
of the recipient agencies); what differs is what those people may do with them outside it, and
the pages and the API say so wherever the content is shown."""

import pytest

from protectnet.access.markings import Marking
from protectnet.alerts import services

AMBER_NOTE = "to the partners your agency works with"
STRICT_NOTE = "Do not pass it on outside your agency"
RED_NOTE = "For the people named by the sender only"


@pytest.mark.parametrize(
    ("marking", "shown", "not_shown"),
    [
        (Marking.AMBER, AMBER_NOTE, STRICT_NOTE),
        (Marking.AMBER_STRICT, STRICT_NOTE, AMBER_NOTE),
    ],
)
def test_recipients_see_what_the_marking_allows(w, send, login, api, marking, shown, not_shown):
    alert = send(marking=marking)
    # Both markings reach every vetted member of the recipient agency, and nobody else.
    for user in (w.kh_le, w.kh_le2):
        body = login(user).get(f"/alerts/{alert.pk}/").content.decode()
        assert shown in body and not_shown not in body
        handling = api(user).get(f"/api/v1/alerts/{alert.pk}").json()["handling"]
        assert shown in handling
    assert login(w.th_le).get(f"/alerts/{alert.pk}/").status_code == 404
    assert api(w.admin).get(f"/api/v1/alerts/{alert.pk}").status_code == 404


def test_red_alerts_say_they_go_no_further_than_the_named_people(w, send, login):
    alert = send(marking=Marking.RED, named_person_ids=[w.kh_le.person.pk])
    services.alert_approve(actor=w.uk_le2, alert=alert)
    assert RED_NOTE in login(w.kh_le).get(f"/alerts/{alert.pk}/").content.decode()


def test_the_handling_note_goes_with_the_content_when_it_is_retracted(w, send, login, api):
    alert = send(marking=Marking.AMBER_STRICT)
    services.alert_retract(actor=w.uk_le, alert=alert, reason="sent_in_error")
    assert STRICT_NOTE not in login(w.kh_le).get(f"/alerts/{alert.pk}/").content.decode()
    assert api(w.kh_le).get(f"/api/v1/alerts/{alert.pk}").json()["handling"] is None


def test_the_form_explains_the_difference_before_choosing(w, login):
    body = login(w.uk_le).get("/alerts/new/information/").content.decode()
    assert "AMBER+STRICT: the recipient agencies only, not to be passed on outside them" in body
    assert "to the partners it needs to act (need-to-know)" in body
