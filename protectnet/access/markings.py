"""Handling markings: Traffic Light Protocol 2.0 as ProtectNet applies it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Marking(models.TextChoices):
    CLEAR = "CLEAR", _("TLP:CLEAR")
    GREEN = "GREEN", _("TLP:GREEN")
    AMBER = "AMBER", _("TLP:AMBER")
    AMBER_STRICT = "AMBER_STRICT", _("TLP:AMBER+STRICT")
    RED = "RED", _("TLP:RED")


# Markings whose every read is written to the audit log.
AUDITED_MARKINGS = frozenset({Marking.AMBER, Marking.AMBER_STRICT, Marking.RED})
ALERT_MARKINGS = (Marking.AMBER, Marking.AMBER_STRICT, Marking.RED)

MARKING_HELP = {
    Marking.CLEAR: _("Everyone, anonymous visitors included."),
    Marking.GREEN: _("Every network member; not guests, not anonymous visitors."),
    Marking.AMBER: _("The owning organisation and the organisations it is shared with."),
    Marking.AMBER_STRICT: _("The owning organisation only."),
    Marking.RED: _("The named people only."),
}
