"""A service's refusal reaches the person filling in the form: beside the field it names, or at
the top of the form when it names none the form shows."""

import pytest
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from protectnet.core.forms import add_service_errors
from protectnet.network.models import AdvisoryPanel, PanelMember
from tests import factories as f


@pytest.fixture
def panel(world):
    """Cambodia's panel with one member already seated."""
    seated = f.PersonFactory(full_name="Seated Member")
    f.MembershipFactory(person=seated, organisation=world.kh_ngo)
    panel = AdvisoryPanel.objects.create(country=world.kh, name="Cambodia advisory panel")
    PanelMember.objects.create(panel=panel, person=seated, discipline="ngo")
    world.panel, world.seated = panel, seated
    return world


def test_a_refusal_naming_a_field_is_shown_beside_that_field(panel, login):
    response = login(panel.kh_focal).post(
        f"/network/panels/{panel.panel.pk}/members/new/",
        {"person": panel.seated.pk, "discipline": "social_work"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_person_error">This person already sits on the panel.</small>' in body
    assert "Please correct the errors below." in body
    assert PanelMember.objects.filter(panel=panel.panel).count() == 1


def test_a_refusal_naming_no_field_is_shown_at_the_top_of_the_form(panel, login):
    response = login(panel.kh_focal).post(
        "/network/countries/KH/panel/new/", {"name": "A second panel", "remit": ""}
    )
    body = response.content.decode()
    assert response.status_code == 200
    top = body.index('<div class="form-errors" role="alert">')
    assert body.index("This country already has an advisory panel.") > top
    assert body.index("This country already has an advisory panel.") < body.index('id="id_name"')
    assert AdvisoryPanel.objects.filter(country=panel.kh).count() == 1


class ContactForm(forms.Form):
    name = forms.CharField()
    email = forms.EmailField(required=False)


def _valid_form() -> ContactForm:
    form = ContactForm({"name": "Sok", "email": ""})
    assert form.is_valid()
    return form


def test_field_errors_go_to_their_field_keeping_code_and_parameters():
    form = _valid_form()
    add_service_errors(
        form,
        ValidationError(
            {"name": ValidationError("%(name)s is taken.", code="taken", params={"name": "Sok"})}
        ),
    )
    assert form.errors["name"] == ["Sok is taken."]
    assert form.has_error("name", "taken")
    assert form.non_field_errors() == []
    assert "name" not in form.cleaned_data


def test_errors_on_fields_the_form_lacks_and_whole_object_errors_go_to_the_top():
    form = _valid_form()
    add_service_errors(
        form,
        ValidationError(
            {
                "email": ["Already registered."],
                "organisation": ["Pick an organisation of your country."],
                NON_FIELD_ERRORS: ["The workshop is full."],
            }
        ),
    )
    assert form.errors["email"] == ["Already registered."]
    assert sorted(form.non_field_errors()) == [
        "Pick an organisation of your country.",
        "The workshop is full.",
    ]


def test_a_plain_refusal_goes_to_the_top_with_every_message_and_its_code():
    form = _valid_form()
    add_service_errors(
        form, ValidationError([ValidationError("Closed.", code="closed"), "Try later."])
    )
    assert form.non_field_errors() == ["Closed.", "Try later."]
    assert form.has_error(NON_FIELD_ERRORS, "closed")
    assert not form.is_valid()


def test_service_errors_add_to_what_the_form_already_found():
    form = ContactForm({"name": "", "email": "not-an-address"})
    assert not form.is_valid()
    add_service_errors(form, ValidationError({"email": ["Already registered."]}))
    assert form.errors["email"][-1] == "Already registered."
    assert len(form.errors["email"]) == 2
    assert "name" in form.errors
