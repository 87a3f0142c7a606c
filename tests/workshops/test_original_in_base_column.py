"""A workshop or session written or changed by someone reading Khmer or Thai keeps the English
original in the base columns (`title`, `description`), which raw SQL, exports and a reversed
migration read.

`rewrite(False)`: django-modeltranslation's queryset would otherwise read `title` as the active
language's column; this reads the base column itself."""

from dataclasses import replace
from datetime import time

import pytest
from django.utils import translation

from protectnet.workshops.models import Session, Workshop
from protectnet.workshops.services.editions import (
    SessionInput,
    WorkshopInput,
    session_save,
    to_utc,
    workshop_create,
    workshop_update,
)

from .conftest import START, make_workshop

TRANSLATED = {
    "km": {"title": "សិក្ខាសាលាថ្នាក់តំបន់", "description": "ការពិពណ៌នា"},
    "th": {"title": "การประชุมเชิงปฏิบัติการระดับภูมิภาค", "description": "คำอธิบาย"},
}
SESSION_TITLE = {"km": "ពិធីបើក", "th": "พิธีเปิด"}


def _base(model, pk, *names):
    return model.objects.rewrite(False).values_list(*names).get(pk=pk)


def _session(workshop, title="Opening plenary") -> SessionInput:
    return SessionInput(
        title=title,
        kind="plenary",
        starts_at=to_utc(workshop, START, time(9)),
        ends_at=to_utc(workshop, START, time(10)),
    )


@pytest.mark.parametrize("lang", ["km", "th"])
def test_a_workshop_created_in_another_language_keeps_english_in_the_base_columns(world, lang):
    data = replace(
        WorkshopInput.of(make_workshop(world)),
        edition=6,
        title="Regional workshop",
        description="Two days.",
    )
    with translation.override(lang):
        workshop = workshop_create(
            actor=world.admin, data=data, translations={lang: TRANSLATED[lang]}
        )
    assert _base(Workshop, workshop.pk, "title", "description") == (
        "Regional workshop",
        "Two days.",
    )
    stored = Workshop.objects.get(pk=workshop.pk)
    assert getattr(stored, f"title_{lang}") == TRANSLATED[lang]["title"]


@pytest.mark.parametrize("lang", ["km", "th"])
def test_a_workshop_changed_in_another_language_keeps_english_in_the_base_columns(world, lang):
    workshop = make_workshop(world)
    workshop_update(
        actor=world.admin,
        workshop=workshop,
        data=WorkshopInput.of(workshop),
        translations={lang: TRANSLATED[lang]},
    )
    workshop = Workshop.objects.get(pk=workshop.pk)
    renamed = replace(WorkshopInput.of(workshop), title="Renamed", description="Three days.")
    with translation.override(lang):
        workshop_update(actor=world.admin, workshop=workshop, data=renamed)
    assert (
        Workshop.objects.rewrite(False).filter(pk=workshop.pk).values_list("title", flat=True).get()
        == "Renamed"
    )
    assert _base(Workshop, workshop.pk, "description") == ("Three days.",)


@pytest.mark.parametrize("lang", ["km", "th"])
def test_a_session_created_and_changed_in_another_language_keeps_english_in_the_base_column(
    world, lang
):
    workshop = make_workshop(world)
    translations = {lang: {"title": SESSION_TITLE[lang]}}
    with translation.override(lang):
        session = session_save(
            actor=world.admin, workshop=workshop, data=_session(workshop), translations=translations
        )
    assert _base(Session, session.pk, "title") == ("Opening plenary",)
    with translation.override(lang):
        session_save(
            actor=world.admin,
            workshop=workshop,
            session=session,
            data=_session(workshop, "Opening and welcome"),
        )
    assert _base(Session, session.pk, "title") == ("Opening and welcome",)
    stored = Session.objects.get(pk=session.pk)
    assert getattr(stored, f"title_{lang}") == SESSION_TITLE[lang]
