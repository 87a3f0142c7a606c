"""Every write to alerts: one policy check, one transaction, one audit entry each."""

from .compose import AlertInput, alert_approve, alert_create, alert_retract, alert_send
from .handling import (
    alert_acknowledge,
    alert_attachment_read,
    alert_close,
    alert_outcome,
    alert_read,
    alert_reads_export_record,
    alert_reply,
)

__all__ = [
    "AlertInput",
    "alert_acknowledge",
    "alert_approve",
    "alert_attachment_read",
    "alert_close",
    "alert_create",
    "alert_outcome",
    "alert_read",
    "alert_reads_export_record",
    "alert_reply",
    "alert_retract",
    "alert_send",
]
