"""The API at /api/v1/: one router per app, every operation guarded by the access policy."""

from ninja import NinjaAPI

from protectnet.access.guard import api_guard

from . import errors
from .auth import TokenAuth


class ProtectNetAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # Operation ids are the function names: short, unique, and the keys of the rule table.
        return operation.view_func.__name__


api = ProtectNetAPI(
    title="ProtectNet API",
    version="1",
    urls_namespace="api",
    auth=TokenAuth(),
    description="Bearer-token API; every operation is decided by the same access policy as pages.",
)
errors.install(api)
api.add_decorator(api_guard, mode="operation")


def _mount() -> None:
    from . import alerts, core, library, network, reports, terminology, training, workshops

    api.add_router("", core.router)
    api.add_router("", network.router)
    api.add_router("", terminology.router)
    api.add_router("", workshops.router)
    api.add_router("", training.router)
    api.add_router("", library.router)
    api.add_router("", alerts.router)
    api.add_router("", reports.router)


_mount()
