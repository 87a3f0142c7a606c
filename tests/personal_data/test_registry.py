"""Every model that can hold something about a person is covered by an app's personal-data
provider (exported and erased) or exempted with a reason, third-party models included."""

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from protectnet.core.providers import providers
from protectnet.network.models import Person

IDENTITY = re.compile(
    r"(^|_)(name|email|phone|passport|address|contact|holder|label|ip|repr|notes?|comments?|"
    r"reason|author|owner|requester|recipient)($|_)"
)
TEXT = (models.CharField, models.TextField, models.GenericIPAddressField, models.JSONField)


def _points_at_a_person(field) -> bool:
    user = apps.get_model(settings.AUTH_USER_MODEL)
    return field.is_relation and not field.auto_created and field.related_model in (user, Person)


def models_about_people() -> dict[str, list[str]]:
    found = {}
    for model in apps.get_models():
        reasons = [f.name for f in model._meta.get_fields() if _points_at_a_person(f)]
        reasons += [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, TEXT) and IDENTITY.search(f.name)
        ]
        if reasons:
            found[model._meta.label_lower] = reasons
    return found


def covered() -> dict[str, str]:
    result = {}
    for module in providers("personal_data"):
        result.update(module.MODELS)
        result.update(getattr(module, "EXEMPT", {}))
    return result


def test_every_model_about_people_is_covered_by_a_provider():
    missing = {label: why for label, why in models_about_people().items() if label not in covered()}
    assert missing == {}, f"add these to some app's personal_data MODELS or EXEMPT: {missing}"


def test_the_walk_sees_the_models_the_auditor_named():
    found = models_about_people()
    for label in (
        "workshops.registration",
        "training.certificate",
        "accounts.totpdevice",
        "admin.logentry",
        "access.auditentry",
        "library.accessrequest",
    ):
        assert label in found


def test_every_provider_names_real_models_and_explains_them():
    labels = {m._meta.label_lower for m in apps.get_models()}
    seen: dict[str, str] = {}
    for module in providers("personal_data"):
        assert isinstance(module.LABEL, str) and module.LABEL
        assert module.LABEL not in seen.values(), f"{module.__name__}: LABEL used twice"
        seen[module.__name__] = module.LABEL
        for label, why in {**module.MODELS, **getattr(module, "EXEMPT", {})}.items():
            assert label in labels, f"{module.__name__} names unknown model {label}"
            assert len(why) > 10, f"{module.__name__}: say what happens to {label}"
        assert callable(module.export) and callable(module.erase)


def test_every_app_that_stores_people_has_a_provider():
    apps_with_provider = {m.__name__.split(".")[1] for m in providers("personal_data")}
    assert apps_with_provider >= {
        "accounts",
        "access",
        "network",
        "workshops",
        "training",
        "library",
        "alerts",
        "terminology",
    }


def test_the_registry_finds_each_concern_in_every_app_that_has_it():
    names = {concern: [m.__name__ for m in providers(concern)] for concern in ("retention",)}
    assert names["retention"] == [
        "protectnet.core.retention",
        "protectnet.workshops.retention",
        "protectnet.alerts.retention",
    ]
    dashboards = [m.__name__ for m in providers("dashboard")]
    assert "protectnet.workshops.dashboard" in dashboards
    assert "protectnet.training.dashboard" in dashboards
    assert providers("no_such_concern") == ()


def test_a_provider_that_fails_to_import_is_an_error_not_an_opt_out(monkeypatch):
    from protectnet.core import providers as registry

    def broken(name):
        raise ModuleNotFoundError("No module named 'missing_dependency'", name="missing_dependency")

    monkeypatch.setattr(registry, "import_module", broken)
    registry.providers.cache_clear()
    try:
        with pytest.raises(ModuleNotFoundError):
            registry.providers("dashboard")
    finally:
        monkeypatch.undo()
        registry.providers.cache_clear()
