"""The alerts API, one module per resource: alerts, their attachments, their handling by the
recipient agencies, and the statistics. Who may call each operation: protectnet/alerts/rules.py.
"""

from ninja import Router

from . import alerts, attachments, handling, stats

router = Router(tags=["alerts"])
# /alerts/statistics before /alerts/{alert_id}: the path parameter would take "statistics".
for module in (stats, alerts, attachments, handling):
    router.add_router("", module.router)

# Operation ids before the <app>_<noun>_<verb> naming (old id -> new id).
RENAMED = {
    "alert_list": "alerts_alert_list",
    "alert_overdue_list": "alerts_overdue_list",
    "alert_stats": "alerts_stats_get",
    "alert_get": "alerts_alert_get",
    "alert_create": "alerts_alert_create",
    "alert_update": "alerts_alert_update",
    "alert_discard": "alerts_alert_discard",
    "alert_send": "alerts_alert_send",
    "alert_approve": "alerts_alert_approve",
    "alert_retract": "alerts_alert_retract",
    "alert_attachment_add": "alerts_attachment_add",
    "alert_attachment_remove": "alerts_attachment_remove",
    "alert_acknowledge": "alerts_alert_acknowledge",
    "alert_reply": "alerts_reply_create",
    "alert_share": "alerts_share_create",
    "alert_outcome": "alerts_outcome_record",
    "alert_close": "alerts_alert_close",
}
