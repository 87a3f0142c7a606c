"""One registry of per-app provider modules (dashboard cards, country sections, personal data,
retention...).

`providers("dashboard")` returns `protectnet.<app>.dashboard` for every installed ProtectNet
app that has such a module, in the order of INSTALLED_APPS. An app opts in by adding the module;
the caller imports none of them directly, so dependencies keep pointing downward. A module
that exists but fails to import is a bug, not an opt-out: its error is raised.
"""

from functools import cache
from importlib import import_module
from types import ModuleType

from django.apps import apps

PREFIX = "protectnet."


@cache
def providers(concern: str) -> tuple[ModuleType, ...]:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith(PREFIX):
            continue
        name = f"{config.name}.{concern}"
        try:
            modules.append(import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return tuple(modules)


def app_label(module: ModuleType) -> str:
    """ "protectnet.workshops.retention" -> "workshops"."""
    return module.__name__.removeprefix(PREFIX).split(".", 1)[0]
