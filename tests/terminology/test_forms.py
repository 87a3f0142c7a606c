"""TerminologyCheckMixin on plain forms and ModelForms, and its template."""

import pytest
from django import forms
from django.template.loader import render_to_string

from protectnet.terminology.forms import TerminologyCheckMixin
from protectnet.terminology.models import Term

pytestmark = pytest.mark.django_db


class NoteForm(TerminologyCheckMixin, forms.Form):
    terminology_fields = ("summary", "description")
    title = forms.CharField()
    summary = forms.CharField(label="Summary", required=False)
    description = forms.CharField(label="Description", required=False)


class TermNoteForm(TerminologyCheckMixin, forms.ModelForm):
    """A ModelForm works the same way (here on Term itself, for want of another model)."""

    terminology_fields = ("reason",)

    class Meta:
        model = Term
        fields = ["label", "variants", "preferred", "reason", "severity", "context"]


def test_clean_text_is_valid_without_confirmation():
    form = NoteForm({"title": "t", "summary": "Child sexual abuse material was seized."})
    assert form.is_valid(), form.errors
    assert form.terminology_findings == {}


def test_findings_make_the_form_invalid_until_confirmed():
    data = {"title": "t", "summary": "A sex tourist abused the child.", "description": "ok"}
    form = NoteForm(data)
    assert not form.is_valid()
    assert "Please review the language notes below" in form.non_field_errors()[0]
    assert list(form.terminology_findings) == ["summary"]
    assert form.terminology_findings["summary"][0].matched == "sex tourist"
    # The confirmation box is now shown as a checkbox.
    assert form.fields["terminology_confirmed"].widget.input_type == "checkbox"

    confirmed = NoteForm({**data, "terminology_confirmed": "on"})
    assert confirmed.is_valid(), confirmed.errors
    assert confirmed.cleaned_data["summary"] == data["summary"]


def test_the_confirmation_box_is_hidden_while_there_is_nothing_to_confirm():
    form = NoteForm()
    assert form.fields["terminology_confirmed"].widget.is_hidden
    assert "Save anyway" in str(form.fields["terminology_confirmed"].label)


def test_only_informational_or_lowered_notes_do_not_block():
    form = NoteForm({"title": "t", "summary": "The victim's account was recorded."})
    assert form.is_valid()
    quoted = NoteForm({"title": "t", "summary": "“child prostitution” is in the law's title."})
    assert quoted.is_valid()  # use_with_care lowered to info inside quotes: shown, not blocking
    assert quoted.terminology_findings["summary"][0].severity == "info"


def test_other_errors_are_kept_alongside_the_language_notes():
    form = NoteForm({"title": "", "summary": "child pornography"})
    assert not form.is_valid()
    assert "title" in form.errors and form.terminology_findings


def test_model_form_with_findings():
    data = {
        "label": "x",
        "variants": "xyzzy",
        "preferred": "y",
        "reason": "Avoid kiddie porn.",
        "severity": "avoid",
        "context": "always",
    }
    assert not TermNoteForm(data).is_valid()
    assert TermNoteForm({**data, "terminology_confirmed": "true"}).is_valid()


def test_findings_template_shows_words_preferred_terms_reason_and_exceptions():
    form = NoteForm({"title": "t", "description": "They shared child pornography."})
    form.is_valid()
    html = render_to_string("terminology/findings.html", {"form": form})
    assert "Language notes" in html
    assert "<h3>Description</h3>" in html
    assert "child pornography</q>" in html
    assert "child sexual abuse material (CSAM)" in html
    assert "Exceptions:" in html and "quoting or naming a law" in html
    assert 'aria-labelledby="terminology-findings-title"' in html


def test_findings_template_is_empty_without_findings():
    form = NoteForm({"title": "t", "summary": "fine"})
    form.is_valid()
    assert render_to_string("terminology/findings.html", {"form": form}).strip() == ""
