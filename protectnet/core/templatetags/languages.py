"""The site's languages and the names of languages (core/languages.py):

- `{% language_choices as languages %}`: the site's languages for a switcher, each with its own
  name and whether it is still a preview;
- `{{ person.languages|language_names|join:", " }}`: language codes named in the reader's
  language, in the order given;
- `{{ resource.topics.all|collated|join:", " }}`: names (or rows, by their text) in the reader's
  alphabetical order.
"""

from django import template

from protectnet.core import languages

register = template.Library()


@register.simple_tag
def language_choices() -> list[languages.Language]:
    return languages.language_choices()


@register.filter
def language_names(codes) -> list[str]:
    return [languages.language_name(code) for code in codes or ()]


@register.filter
def collated(items) -> list:
    return languages.collated(items or ())
