"""Every write of the workshops app: one transaction, one policy check, one audit entry."""
