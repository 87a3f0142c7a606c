"""Every read the alert pages and API need, always through the access policy's scope."""

from .alerts import (
    alert_get,
    alert_list,
    alert_overdue_list,
    alert_reads,
    attachment_get,
    awaiting_count,
    nameable_people,
    recipient_organisation_choices,
    recipient_row_for,
    send_review,
    sender_organisations_for,
    share_agency,
    share_candidates,
    shareable_alert,
    vetted_people,
    vetted_people_by_organisation,
    vetted_users,
)
from .stats import AlertStats, alert_stats

__all__ = [
    "AlertStats",
    "alert_get",
    "alert_list",
    "alert_overdue_list",
    "alert_reads",
    "alert_stats",
    "attachment_get",
    "awaiting_count",
    "nameable_people",
    "recipient_organisation_choices",
    "recipient_row_for",
    "send_review",
    "sender_organisations_for",
    "share_agency",
    "share_candidates",
    "shareable_alert",
    "vetted_people",
    "vetted_people_by_organisation",
    "vetted_users",
]
