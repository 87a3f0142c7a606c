"""API operations for the terminology app; each declares its action (terminology/rules.py)."""

from ninja import Router

from . import check, terms
from .check import FindingOut  # other apps' answers embed the same findings

__all__ = ["FindingOut", "RENAMED", "router"]

router = Router(tags=["terminology"])
for resource in (check, terms):
    router.add_router("", resource.router)

# Operation ids as they were published -> as they are now (see api.api.RENAMED).
RENAMED = {"terminology_check": "terminology_text_check"}
