"""Each alert page and API operation declares the action its service checks."""

import pytest

from protectnet.access.routes import route_action
from protectnet.api.api import api

SERVICE_ACTIONS = {
    "alerts:alert_send": "alerts.send",
    "alerts:alert_edit": "alerts.draft.change",
    "alerts:alert_discard": "alerts.draft.change",
    "alerts:alert_approve": "alerts.approve",
    "alerts:alert_retract": "alerts.retract",
    "alerts:alert_acknowledge": "alerts.acknowledge",
    "alerts:alert_reply": "alerts.reply",
    "alerts:alert_share": "alerts.share",
    "alerts:alert_outcome": "alerts.outcome",
    "alerts:alert_close": "alerts.close",
    "alerts:attachment_download": "alerts.read_content",
    "alerts:alert_reads_export": "alerts.sender_view",
    "api:alerts_alert_update": "alerts.draft.change",
    "api:alerts_alert_discard": "alerts.draft.change",
    "api:alerts_attachment_add": "alerts.draft.change",
    "api:alerts_attachment_remove": "alerts.draft.change",
    "api:alerts_alert_send": "alerts.send",
    "api:alerts_alert_approve": "alerts.approve",
    "api:alerts_alert_retract": "alerts.retract",
    "api:alerts_alert_acknowledge": "alerts.acknowledge",
    "api:alerts_reply_create": "alerts.reply",
    "api:alerts_share_create": "alerts.share",
    "api:alerts_outcome_record": "alerts.outcome",
    "api:alerts_alert_close": "alerts.close",
}


@pytest.mark.parametrize(("route", "action"), SERVICE_ACTIONS.items())
def test_route_declares_the_service_action(route, action):
    api.get_openapi_schema()  # the API declares its operations when it is built
    assert route_action(route) == action
