"""Texts a resource's owners may give in several languages (django-modeltranslation's registry)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Resource


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = ("title", "summary")
