"""Every write to alerts: one policy check, one transaction, one audit entry each."""

from .compose import AlertInput, alert_approve, alert_create, alert_retract, alert_send
from .drafts import (
    alert_attachment_remove,
    alert_attachments_add,
    alert_discard,
    alert_update,
    draft_input,
    require_changeable,
)
from .handling import (
    alert_acknowledge,
    alert_attachment_read,
    alert_close,
    alert_outcome,
    alert_read,
    alert_reads_export_record,
    alert_reply,
)
from .sharing import alert_share, require_shareable
from .stats import alert_stats_export

__all__ = [
    "AlertInput",
    "alert_acknowledge",
    "alert_approve",
    "alert_attachment_read",
    "alert_attachment_remove",
    "alert_attachments_add",
    "alert_close",
    "alert_create",
    "alert_discard",
    "alert_outcome",
    "alert_read",
    "alert_reads_export_record",
    "alert_reply",
    "alert_retract",
    "alert_send",
    "alert_share",
    "alert_stats_export",
    "alert_update",
    "draft_input",
    "require_changeable",
    "require_shareable",
]
