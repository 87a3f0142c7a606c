"""Texts course authors may give in several languages (django-modeltranslation's registry)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Course


@register(Course)
class CourseTranslation(TranslationOptions):
    fields = ("title", "summary")
