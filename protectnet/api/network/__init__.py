"""API operations for the network app, one module per resource; each operation declares the
action it performs (`@requires`), defined in network/rules.py.

Reads go through the same selectors as the pages: an entry the token's user may not see is
"not found", and contact details appear only where the pages would show them.
"""

from ninja import Router

from . import countries, organisations, people

router = Router(tags=["network"])
for resource in (countries, organisations, people):
    router.add_router("", resource.router)

# Operation ids as they were published -> as they are now (see api.api.RENAMED).
RENAMED = {
    "country_list": "network_country_list",
    "country_get": "network_country_get",
    "organisation_list": "network_organisation_list",
    "organisation_get": "network_organisation_get",
    "organisation_create": "network_organisation_create",
    "organisation_update": "network_organisation_update",
    "person_list": "network_person_list",
    "person_get": "network_person_get",
    "person_create": "network_person_create",
    "person_update": "network_person_update",
}
