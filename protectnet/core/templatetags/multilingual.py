"""Texts given in several languages, as a page shows them (core/multilingual.py).

{% text workshop "title" as title %}<h1 lang="{{ title.lang }}">{{ title }}</h1> shows the
reader's language, or the original where it has none, and says which language that is: pages
mix scripts, and a screen reader or a font must know each block's language. On a detail page
`?lang=km` shows that page's content in Khmer; {% also_in workshop "title,description" %} links
the other versions.
"""

from django import template

from protectnet.core import multilingual

register = template.Library()


class Text(str):
    """A text that knows its language (`lang`)."""

    lang: str

    def __new__(cls, value: str, lang: str) -> "Text":
        text = super().__new__(cls, value)
        text.lang = lang
        return text


def _asked(context) -> str | None:
    request = context.get("request")
    return request.GET.get("lang") if request is not None else None


@register.simple_tag(takes_context=True)
def text(context, obj, name: str) -> Text:
    lang = multilingual.shown_language(obj, name, _asked(context))
    return Text(multilingual.read_in(obj, name, lang) or "", lang)


@register.filter
def shown_lang(obj, name: str) -> str:
    """The language a list shows `obj.name` in (the reader's, or the original's)."""
    return multilingual.shown_language(obj, name)


@register.inclusion_tag("components/also_in.html", takes_context=True)
def also_in(context, obj, names: str) -> dict:
    versions = multilingual.versions(obj, names.split(","), _asked(context))
    return {"others": [v for v in versions if not v.current]}
