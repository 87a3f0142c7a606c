from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    NETWORK_ADMIN = "network_admin", _("Network admin")
    FOCAL_POINT = "focal_point", _("Country focal point")
    MEMBER = "member", _("Member")
    LE_VETTED = "le_vetted", _("Law-enforcement vetted member")
    TRAINER = "trainer", _("Trainer")
    GUEST = "guest", _("Guest")
    ANONYMOUS = "anonymous", _("Anonymous")


# Roles stored as grants; the others are derived from the directory (see principal.py).
GRANTABLE_ROLES = (Role.NETWORK_ADMIN, Role.TRAINER)
