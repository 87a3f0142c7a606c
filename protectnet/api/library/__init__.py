"""The library API, one module per resource; see library/rules.py for who may call each.

Reads go through the same selectors and search service as the pages, so an item the token's user
may not see is "not found", and search answers never carry more than the pages show.
"""

from ninja import Router

from . import access_requests, resources, search, versions

router = Router(tags=["library"])
for _module in (search, resources, versions, access_requests):
    router.add_router("", _module.router)

# Operation ids before they were named <app>_<noun>_<verb> (old id -> new id).
RENAMED = {
    "resource_list": "library_resource_list",
    "library_search": "library_resource_search",
    "resource_get": "library_resource_get",
    "resource_create": "library_resource_create",
    "resource_version_list": "library_version_list",
    "resource_version_create": "library_version_create",
    "resource_file_download": "library_file_download",
    "resource_withdraw": "library_resource_withdraw",
    "resource_restore": "library_resource_restore",
}
