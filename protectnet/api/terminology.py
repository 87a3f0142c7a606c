"""API operations for the terminology app (see access/rules.py for who may call each one)."""

from ninja import Router

router = Router(tags=["terminology"])
