"""The API at /api/v1/: one router per app, every operation guarded by the access policy."""

from ninja import NinjaAPI

from protectnet.access.guard import api_guard

from . import errors
from .auth import TokenAuth

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "errors": {"type": "array", "items": {}},
    },
    "required": ["detail", "code"],
}
ERROR_RESPONSES = {
    "400": "The request body could not be read (for example, invalid JSON).",
    "401": "A valid bearer token is required.",
    "403": "The token's user may not do this.",
    "404": "Not found, or not visible to the token's user.",
    "422": "The request or its data is not valid.",
    "429": "Too many requests.",
}


class ProtectNetAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # Operation ids are the function names: short, unique, and the keys of the rule table.
        return operation.view_func.__name__

    def get_openapi_schema(self, *args, **kwargs):
        """Document the error shape every operation may answer with (see errors.py)."""
        schema = super().get_openapi_schema(*args, **kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        for operations in schema["paths"].values():
            for operation in operations.values():
                # Public operations accept a token but do not need one: say so in the schema.
                security = operation.get("security", [])
                if any("OptionalTokenAuth" in requirement for requirement in security):
                    operation["security"] = [*security, {}]
                responses = operation.setdefault("responses", {})
                for status, description in ERROR_RESPONSES.items():
                    responses.setdefault(status, {"description": description, **ref})
        return schema


api = ProtectNetAPI(
    title="ProtectNet API",
    version="1",
    urls_namespace="api",
    auth=TokenAuth(),
    description="Bearer-token API; every operation is decided by the same access policy as pages.",
)
errors.install(api)
api.add_decorator(api_guard, mode="operation")


# Operation ids renamed to <app>_<noun>_<verb> (old id -> new id), published in docs/api.md.
RENAMED: dict[str, str] = {}


def _mount() -> None:
    from . import alerts, core, library, network, terminology, training, workshops

    for module in (core, network, terminology, workshops, training, library, alerts):
        api.add_router("", module.router)
        RENAMED.update(getattr(module, "RENAMED", {}))


_mount()
