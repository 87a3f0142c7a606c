"""Texts given in several languages (django-modeltranslation): what every app shares.

An app registers the fields in its `translation.py`; each gets one column per language of
settings.LANGUAGES (`title_km`, `title_zh_hant`). The English column is the original: the main
field of every form and API write, and what a reader sees where their language has no version.
Reading `obj.title` gives the reader's language with that fallback. Writing `obj.title` would
write the writer's language, so services write through `write_original` and
`write_translations`, and save with `save_original`; the admin of such a model starts from
`OriginalAdminMixin`.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.db.models.sql import Query
from django.utils import translation
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from .languages import language_name

# language -> field -> text, e.g. {"km": {"title": "..."}}; an empty text removes a version.
Translations = Mapping[str, Mapping[str, str]]

ORIGINAL = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
# What the API says of its `translations` objects.
TRANSLATIONS_HELP = (
    "Every language these texts exist in, the original (en) included: language code -> field ->"
    " text. The fields themselves are in the reader's language (Accept-Language) where it has a"
    " version, else the original."
)


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def other_languages() -> list[str]:
    return [code for code in languages() if code != ORIGINAL]


def own_name(code: str) -> str:
    """A language in its own script (as the switcher names it): a version or a translation is
    offered to whoever reads that language, whatever the page's language."""
    return language_name(code, reader=code)


def column(name: str, lang: str) -> str:
    return build_localized_fieldname(name, lang)


def translated_fields(model) -> tuple[str, ...]:
    try:
        return tuple(translator.get_options_for_model(model).get_field_names())
    except NotRegistered:
        return ()


def reader_language(lang: str | None = None) -> str:
    """A supported language code: the one asked for, else the reader's active language."""
    if lang in languages():
        return lang
    try:
        return translation.get_supported_language_variant(translation.get_language() or ORIGINAL)
    except LookupError:
        return ORIGINAL


# --- Reading -----------------------------------------------------------------------------------


def read_original(obj, name: str):
    if name in translated_fields(type(obj)):
        return getattr(obj, column(name, ORIGINAL)) or ""
    return getattr(obj, name)


def read_in(obj, name: str, lang: str) -> str:
    """The text in `lang`, or the original where that language has none."""
    return getattr(obj, column(name, lang), None) or read_original(obj, name)


def shown_language(obj, name: str, lang: str | None = None) -> str:
    """The language of the text a reader of `lang` (default: the active one) is shown."""
    lang = reader_language(lang)
    return lang if getattr(obj, column(name, lang), None) else ORIGINAL


def translations_of(obj, names: Iterable[str]) -> dict[str, dict[str, str]]:
    """Every version but the original, by language, with only the fields that have one."""
    found: dict[str, dict[str, str]] = {}
    for lang in other_languages():
        values = {n: getattr(obj, column(n, lang)) for n in names if getattr(obj, column(n, lang))}
        if values:
            found[lang] = values
    return found


def every_version(obj, names: Iterable[str]) -> dict[str, dict[str, str]]:
    """The original and every translation, by language (what the API answers with)."""
    original = {n: read_original(obj, n) for n in names}
    return {ORIGINAL: {n: v for n, v in original.items() if v}, **translations_of(obj, names)}


@dataclass(frozen=True)
class Version:
    code: str
    name: str
    current: bool


def versions(obj, names: Iterable[str], lang: str | None = None) -> list[Version]:
    """The languages a reader may switch this content to (the original first), or none when
    there is only the original."""
    others = list(translations_of(obj, names))
    if not others:
        return []
    shown = reader_language(lang)
    return [Version(c, own_name(c), c == shown) for c in [ORIGINAL, *others]]


def ordering(name: str):
    """The text the reader sees, their language's version else the original, as an expression
    to order or label by (the one place that rule is written; raw SQL takes it from
    `shown_sql`)."""
    lang = reader_language()
    shown = NullIf(F(column(name, lang)), Value(""))
    return Coalesce(shown, F(column(name, ORIGINAL)), output_field=TextField())


def shown_sql(model, name: str, connection) -> tuple[str, list]:
    """`ordering(name)` as SQL and its parameters, over `model`'s table named by its table name
    (`"library_topic"."name_km"`), for a query written in SQL."""
    query = Query(model)
    compiler = query.get_compiler(connection=connection)
    sql, params = compiler.compile(ordering(name).resolve_expression(query))
    return sql, list(params)


# --- Writing -----------------------------------------------------------------------------------


def write_original(obj, name: str, value) -> None:
    """Set the original text whatever language the writer reads in (the base column too)."""
    if name in translated_fields(type(obj)):
        with translation.override(ORIGINAL):
            setattr(obj, name, value)
    else:
        setattr(obj, name, value)


def write_translations(obj, translations: Translations | None) -> list[str]:
    """Set the versions given; returns the columns that changed (for update_fields)."""
    changed = []
    names = translated_fields(type(obj))
    for lang, values in (translations or {}).items():
        if lang not in other_languages():
            continue
        for name, text in values.items():
            if name not in names:
                continue
            new = (text or "").strip() or None
            if (getattr(obj, column(name, lang)) or None) != new:
                setattr(obj, column(name, lang), new)
                changed.append(column(name, lang))
    return changed


def save_names(model, names: Iterable[str]) -> list[str]:
    """update_fields for `names` (what `save_original` saves): a translated field brings its base
    and original columns, so that saving never copies the original into the column of the
    writer's language."""
    registered = translated_fields(model)
    out: list[str] = []
    for name in names:
        out.append(name)
        if name in registered:
            out.extend(column(name, lang) for lang in languages())
    return list(dict.fromkeys(out))


def save_original(obj, update_fields: Iterable[str] | None = None) -> None:
    """Save `obj` (all of it, or `update_fields` expanded by `save_names`) as the original.

    django-modeltranslation stores in a translated field's base column (`title`) what
    `obj.title` reads, the saver's language: a service run for a reader of Khmer would leave
    the Khmer title there, the only one left once the migration that added the languages is
    reversed, and the one raw SQL and exports read. Saved as the original, it holds English."""
    names = None if update_fields is None else save_names(type(obj), update_fields)
    with translation.override(ORIGINAL):
        obj.save(update_fields=names)


# --- The admin ----------------------------------------------------------------------------------


class OriginalAdminMixin:
    """Put it before modeltranslation's TranslationAdmin. django-modeltranslation saves into a
    translated field's base column (`name`, `title`) what `obj.name` reads, the saver's language:
    an admin reading Khmer would leave the Khmer name there, the only name left once the
    migration that added the languages is reversed. The admin saves as the original instead."""

    def save_model(self, request, obj, form, change):
        with translation.override(ORIGINAL):
            super().save_model(request, obj, form, change)


# --- Forms -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TranslationGroup:
    code: str
    name: str
    fields: list
    filled: bool


class TranslationsFormMixin:
    """The main fields stay the original; "Add a translation" offers one field per language
    beside each (`title_km`), grouped per language in a <details> (components/form.html).

    Put it before forms.ModelForm and set `translated = ("title", "description")`; hand
    `form.translations()` to the service beside the main values.
    """

    translated: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        for name in self.translated:
            if instance is not None and instance.pk:
                # The model's descriptor gives the reader's language; the form edits the original.
                self.initial[name] = read_original(instance, name)
            for lang in other_languages():
                self.fields[column(name, lang)] = self._translation_field(name, lang, instance)
        # Translations go through the same terminology check as the text they translate.
        checked = getattr(self, "terminology_fields", ())
        extra = [
            column(n, lang) for n in self.translated if n in checked for lang in other_languages()
        ]
        self.terminology_fields = (*checked, *extra)

    def _translation_field(self, name: str, lang: str, instance) -> forms.Field:
        main = self.fields[name]
        field = forms.CharField(
            label=f"{main.label} ({own_name(lang)})",
            required=False,
            max_length=getattr(main, "max_length", None),
            widget=type(main.widget)(attrs={**main.widget.attrs, "lang": lang}),
        )
        if instance is not None and instance.pk:
            field.initial = getattr(instance, column(name, lang)) or ""
        return field

    def _translation_names(self) -> set[str]:
        return {column(n, lang) for n in self.translated for lang in other_languages()}

    def visible_fields(self):
        hidden = self._translation_names()
        return [f for f in super().visible_fields() if f.name not in hidden]

    @property
    def translation_groups(self) -> list[TranslationGroup]:
        groups = []
        for lang in other_languages():
            bound = [self[column(n, lang)] for n in self.translated]
            filled = any(b.value() or b.errors for b in bound)
            groups.append(TranslationGroup(lang, own_name(lang), bound, filled))
        return groups

    def translations(self) -> dict[str, dict[str, str]]:
        data = self.cleaned_data
        return {
            lang: {n: data.get(column(n, lang)) or "" for n in self.translated}
            for lang in other_languages()
        }

    def _post_clean(self):
        # The ModelForm writes the main fields into its instance: into the original's columns.
        with translation.override(ORIGINAL):
            super()._post_clean()
