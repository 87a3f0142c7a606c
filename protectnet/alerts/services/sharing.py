"""TLP:AMBER need-to-know: a recipient agency passes an alert to a vetted colleague of another
law-enforcement agency of its own country. AMBER+STRICT and RED alerts never go further.

The colleague only reads (no acknowledgement, reply, outcome or closing: those stay with the
recipient agency) and cannot pass it on again; a retraction takes the content from them too.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.markings import Marking
from protectnet.access.policy import can, require

from .. import notify
from ..models import OPEN, Alert, AlertShare
from ..selectors import recipient_row_for, share_agency, share_candidates


def _refusal(alert: Alert) -> str:
    if alert.marking == Marking.AMBER_STRICT:
        return _("TLP:AMBER+STRICT: this alert may not be shared outside the recipient agencies.")
    if alert.marking == Marking.RED:
        return _("TLP:RED: only the people the sender named may read this alert.")
    if alert.status not in OPEN:
        return _("This alert is no longer open; it cannot be shared.")
    return _("Only the vetted members of a recipient agency may share this alert.")


def require_shareable(actor, alert: Alert) -> None:
    """404 for anyone who cannot read the alert; its readers hear why they may not share it."""
    if can(actor, "alerts.share", alert):
        return
    if can(actor, "alerts.read_content", alert):
        raise ValidationError(_refusal(alert))
    require(actor, "alerts.share", alert)


def alert_share(*, actor, alert: Alert, person_id, now=None, request=None) -> AlertShare:
    now = now or timezone.now()
    require_shareable(actor, alert)
    row = recipient_row_for(user=actor, alert=alert)
    if not share_candidates(user=actor, alert=alert).filter(pk=person_id).exists():
        raise ValidationError(
            {
                "person": [
                    _(
                        "Choose a vetted member of another law-enforcement agency of your "
                        "country who cannot read this alert yet."
                    )
                ]
            }
        )
    with transaction.atomic():
        locked = Alert.objects.select_for_update().get(pk=alert.pk)
        if locked.status not in OPEN:
            raise ValidationError(_refusal(locked))
        share = AlertShare.objects.create(
            alert=locked,
            person_id=person_id,
            organisation_id=share_agency(person_id=person_id, country_id=row.country_id),
            shared_from_id=row.organisation_id,
            shared_by=actor,
            created_at=now,
        )
        notify.on_commit_shared(alert, share)
        audit.record(
            "alerts.alert.share",
            actor=actor,
            obj=alert,
            request=request,
            data={
                "person": share.person_id,
                "organisation": share.organisation_id,
                "from": share.shared_from_id,
            },
        )
    return share
