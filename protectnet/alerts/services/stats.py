"""Exporting the alert statistics: the figures leave the site, so the export is audited."""

from protectnet.access import audit

from ..selectors.stats import AlertStats, alert_stats


def alert_stats_export(*, actor, now=None, request=None) -> AlertStats:
    """The figures the caller may see (the selector checks `alerts.stats.view`), recorded with
    their basis so that an auditor knows whether exact or suppressed counts went out."""
    data = alert_stats(user=actor, now=now)
    audit.record("alerts.stats.export", actor=actor, request=request, data={"basis": data.basis})
    return data
