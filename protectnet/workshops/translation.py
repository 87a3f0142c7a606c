"""Texts organisers may give in several languages (django-modeltranslation's registry)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Session, Workshop


@register(Workshop)
class WorkshopTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title",)
