from .actions import (
    alert_acknowledge,
    alert_approve,
    alert_close,
    alert_outcome,
    alert_reply,
    alert_retract,
    alert_send,
    alert_share,
)
from .drafts import alert_discard, alert_edit
from .pages import (
    alert_create,
    alert_detail,
    alert_list,
    alert_new,
    alert_overdue,
    alert_reads_export,
    attachment_download,
)
from .stats import stats, stats_export

__all__ = [
    "alert_acknowledge",
    "alert_approve",
    "alert_close",
    "alert_create",
    "alert_detail",
    "alert_discard",
    "alert_edit",
    "alert_list",
    "alert_new",
    "alert_outcome",
    "alert_overdue",
    "alert_reads_export",
    "alert_reply",
    "alert_retract",
    "alert_send",
    "alert_share",
    "attachment_download",
    "stats",
    "stats_export",
]
