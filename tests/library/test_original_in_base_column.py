"""A resource written or changed by someone reading Khmer or Thai keeps the English original in
the base columns (`title`, `summary`), which raw SQL, exports and a reversed migration read.

`rewrite(False)`: django-modeltranslation's queryset would otherwise read `title` as the active
language's column; this reads the base column itself."""

import pytest
from django.utils import translation

from protectnet.library import services
from protectnet.library.models import Resource

TRANSLATED = {
    "km": {"title": "មគ្គុទ្ទេសក៍កំណត់អត្តសញ្ញាណជនរងគ្រោះ", "summary": "ជំហាន។"},
    "th": {"title": "คู่มือการระบุตัวผู้เสียหาย", "summary": "ขั้นตอน"},
}


def _data(world, title="Guide to victim identification", summary="Steps.") -> services.ResourceData:
    return services.ResourceData(
        title=title, summary=summary, resource_type="guide", owner_organisation=world.kh_ngo
    )


def _base(resource) -> tuple[str, str]:
    return Resource.objects.rewrite(False).values_list("title", "summary").get(pk=resource.pk)


@pytest.mark.parametrize("lang", ["km", "th"])
def test_a_resource_created_in_another_language_keeps_english_in_the_base_columns(world, lang):
    with translation.override(lang):
        resource = services.resource_create(
            actor=world.admin,
            data=_data(world),
            link="https://example.org/guide",
            translations={lang: TRANSLATED[lang]},
        )
    assert _base(resource) == ("Guide to victim identification", "Steps.")
    stored = Resource.objects.get(pk=resource.pk)
    assert getattr(stored, f"title_{lang}") == TRANSLATED[lang]["title"]


@pytest.mark.parametrize("lang", ["km", "th"])
def test_a_resource_changed_in_another_language_keeps_english_in_the_base_columns(world, lang):
    resource = services.resource_create(
        actor=world.admin,
        data=_data(world),
        link="https://example.org/guide",
        translations={lang: TRANSLATED[lang]},
    )
    resource = Resource.objects.get(pk=resource.pk)
    with translation.override(lang):
        services.resource_update(
            actor=world.admin,
            resource=resource,
            data=_data(world, title="Guide to identifying victims", summary="Five steps."),
        )
    assert _base(resource) == ("Guide to identifying victims", "Five steps.")
