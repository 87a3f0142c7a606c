"""`{% language_choices as languages %}`: the site's languages for a switcher, each with its own
name and whether it is still a preview (core/languages.py)."""

from django import template

from protectnet.core import languages

register = template.Library()


@register.simple_tag
def language_choices() -> list[languages.Language]:
    return languages.language_choices()
