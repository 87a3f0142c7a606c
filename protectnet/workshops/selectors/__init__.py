"""Every read the workshops pages and API need, always through the access policy."""
