"""Term lists per language: the initial load, admin edits per language, the term pages."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from protectnet.access.models import AuditEntry
from protectnet.terminology.data import read_all
from protectnet.terminology.models import Term
from protectnet.terminology.services import check_text

pytestmark = pytest.mark.django_db

NEW = reverse("terminology:term_create")
TERMS = reverse("terminology:term_list")
THAI_TERM = "โสเภณีเด็ก (child prostitute)"


def _new_term(**values):
    data = {
        "label": "fictitious term",
        "language": "th",
        "variants": "เด็กขายบริการออนไลน์",
        "preferred": "เด็กที่ถูกแสวงประโยชน์ทางเพศทางออนไลน์",
        "reason": "A fictitious test term.",
        "severity": "avoid",
        "context": "always",
        "active": "on",
    }
    return {**data, **values}


def test_migrate_loads_the_terms_of_every_language():
    loaded = set(Term.objects.values_list("language", "label"))
    assert loaded == {(row["language"], row["label"]) for row in read_all()}
    thai = Term.objects.get(language="th", label=THAI_TERM)
    assert "โสเภณีเด็ก" in thai.variant_list
    assert "draft translation" in thai.source and "Luxembourg Guidelines" in thai.source


def test_reloading_is_idempotent_and_keeps_admin_edits_in_every_language(capsys):
    Term.objects.filter(language="th", label=THAI_TERM).update(reason="edited by an admin")
    Term.objects.filter(language="zh").first().delete()
    call_command("load_terminology")
    call_command("load_terminology")
    assert Term.objects.count() == len(read_all())
    assert Term.objects.get(language="th", label=THAI_TERM).reason == "edited by an admin"
    assert "0 created, 0 updated" in capsys.readouterr().out.splitlines()[-1]


def test_an_admin_adds_a_thai_term_and_it_is_found_in_text_without_spaces(world, login):
    assert login(world.admin).post(NEW, _new_term()).status_code == 302
    assert Term.objects.get(label="fictitious term").language == "th"
    (finding,) = check_text("ตำรวจพบเด็กขายบริการออนไลน์สองคน")
    assert (finding.matched, finding.language) == ("เด็กขายบริการออนไลน์", "th")
    assert AuditEntry.objects.filter(action="terminology.term.create").count() == 1


def test_a_label_may_repeat_in_another_language_but_not_in_the_same_one(world, login):
    client = login(world.admin)
    assert client.post(NEW, _new_term(label="child bride")).status_code == 302
    response = client.post(NEW, _new_term(label="child bride", variants="เจ้าสาวเด็กทดสอบ"))
    assert response.status_code == 200
    assert response.context["form"].errors["label"] == [
        "This term already exists in this language."
    ]
    assert Term.objects.filter(label="child bride").count() == 2


def test_an_unknown_language_is_refused(world, login):
    response = login(world.admin).post(NEW, _new_term(language="xx"))
    assert response.status_code == 200
    assert "language" in response.context["form"].errors
    assert not Term.objects.filter(label="fictitious term").exists()


def test_the_term_list_shows_each_term_with_its_language(world, login):
    html = login(world.kh_member).get(TERMS).content.decode()
    assert f'<th scope="row" lang="th">{THAI_TERM}' in html
    cell = '<td data-label="Language">{}</td>'
    assert cell.format("Khmer") in html and cell.format("Chinese") in html


def test_the_django_admin_filters_and_adds_terms_per_language(world, login):
    world.admin.is_staff = world.admin.is_superuser = True  # the Django admin's own gate
    world.admin.save(update_fields=["is_staff", "is_superuser"])
    client = login(world.admin)
    listing = client.get(reverse("admin:terminology_term_changelist"), {"language__exact": "km"})
    assert listing.status_code == 200 and "អាសអាភាសកុមារ" in listing.content.decode()
    added = client.post(reverse("admin:terminology_term_add"), _new_term(language="lo"))
    assert added.status_code == 302
    assert Term.objects.get(label="fictitious term").language == "lo"
