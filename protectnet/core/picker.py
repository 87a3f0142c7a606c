"""Searchable pickers: one widget for every person, organisation or time zone a form chooses.

Without JavaScript the widget is the plain `<select>` of the field's choices, which the policy
already narrowed. With JavaScript (static/js/picker.js) the select hides behind a WAI-ARIA
combobox: typing asks `/pick/<kind>/?q=` (htmx) for matching options, arrow keys move through
them, Enter chooses. The form still validates the submitted id against its own queryset, so an
id the reader may not see, typed or forged, is refused with the field's error.

An app offers kinds in its `pick_kinds.py` (found through core.providers):
`KINDS = {"person": search}` where `search(*, user, q, params, limit) -> list[Option]` starts
from what the policy lets the user see and returns at most `limit` + 1 options.
"""

from dataclasses import dataclass
from functools import cache
from urllib.parse import urlencode

from django import forms
from django.urls import reverse

from .providers import providers

LIMIT = 20  # options one answer shows; a longer list asks for more letters
MIN_LENGTH = 2  # never the whole directory: fewer letters find nobody


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str = ""


@cache
def kinds() -> dict:
    found: dict = {}
    for module in providers("pick_kinds"):
        for name, search in module.KINDS.items():
            if name in found:
                raise ValueError(f"picker kind {name!r} declared twice")
            found[name] = search
    return found


def pick(*, user, kind: str, q: str, params) -> tuple[list[Option], bool]:
    """The options of one kind that match `q`, and whether more match than are shown."""
    search = kinds().get(kind)
    if search is None or len(q.strip()) < MIN_LENGTH:
        return [], False
    found = search(user=user, q=q.strip(), params=params, limit=LIMIT)
    return found[:LIMIT], len(found) > LIMIT


class PickerMixin:
    """What the single and the multiple picker share: the kind and the search's parameters."""

    def __init__(self, kind: str, *, params: dict | None = None, attrs=None, choices=()):
        super().__init__(attrs=attrs, choices=choices)
        self.kind = kind
        self.params = dict(params or {})

    def __deepcopy__(self, memo):
        # Each form gets its own copy of a field's widget; the parameters one form narrows
        # must not leak into the next form built from the same class.
        obj = super().__deepcopy__(memo)
        obj.params = dict(self.params)
        return obj

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        query = f"?{urlencode(self.params)}" if self.params else ""
        context["picker"] = {
            "url": reverse("core:pick", args=[self.kind]) + query,
            "multiple": self.allow_multiple_selected,
        }
        return context


class Picker(PickerMixin, forms.Select):
    template_name = "core/widgets/picker.html"


class PickerMultiple(PickerMixin, forms.SelectMultiple):
    template_name = "core/widgets/picker.html"
