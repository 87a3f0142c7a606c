"""Methods an API path does not declare (OPTIONS, HEAD, ...) get 405 with an honest Allow header.

The fuzzing sends them to a few generated paths per run, and once failed on OPTIONS
/api/v1/workshops/0/sessions. This walks every documented path, every run. It also catches two
routers declaring operations on one path: only the first router's methods would be reachable.
"""

import re

import pytest

from protectnet.api.api import api as ninja_api

METHODS = {"get", "put", "post", "delete", "patch"}


def documented_paths() -> list[tuple[str, set[str]]]:
    schema = ninja_api.get_openapi_schema(path_prefix="/api/v1")
    return [
        (path, {m.upper() for m in ops} & {m.upper() for m in METHODS})
        for path, ops in schema["paths"].items()
    ]


@pytest.mark.parametrize("method", ["options", "head", "trace"])
def test_undeclared_methods_get_405_listing_the_declared_ones(world, api, method):
    clients = {"anonymous": api(None), "vetted": api(world.kh_le)}
    checked = 0
    for path, declared in documented_paths():
        if method.upper() in declared:
            continue
        url = re.sub(r"\{[^}]+\}", "0", path)
        for who, client in clients.items():
            response = getattr(client, method)(url)
            assert response.status_code == 405, (who, url, response.status_code)
            allowed = {m.strip() for m in response["Allow"].split(",")}
            assert allowed == declared, (who, url, allowed, declared)
            checked += 1
    assert checked > 100  # every path, twice
