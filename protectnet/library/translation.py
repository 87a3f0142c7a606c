"""Texts given in several languages (django-modeltranslation's registry): a resource's title and
summary by its owners, a topic's name by the network's admins."""

from modeltranslation.translator import TranslationOptions, register

from .models import Resource, Topic


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)
