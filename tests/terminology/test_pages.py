"""The check page, the term pages and the Django admin: who may do what, and what it does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from protectnet.access.models import AuditEntry
from protectnet.terminology.models import Term
from protectnet.terminology.services import check_text

pytestmark = pytest.mark.django_db

WRITERS = ["admin", "kh_focal", "th_focal", "kh_member", "kh_le", "trainer"]
CHECK = reverse("terminology:check")
TERMS = reverse("terminology:term_list")
NEW = reverse("terminology:term_create")


@pytest.mark.parametrize("who", WRITERS)
def test_writers_check_a_text_and_see_the_finding_with_its_preferred_term(world, login, who):
    client = login(getattr(world, who))
    assert client.get(CHECK).status_code == 200
    response = client.post(CHECK, {"text": "He was a sex tourist who abused a child."})
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 language note" in html
    assert "travelling child sex offender (TCSO)" in html
    assert '<mark class="terminology-avoid">sex tourist</mark>' in html


def test_checking_stores_nothing_and_audits_nothing(world, login):
    before = (Term.objects.count(), AuditEntry.objects.count())
    login(world.kh_member).post(CHECK, {"text": "child pornography"})
    assert (Term.objects.count(), AuditEntry.objects.count()) == before


def test_htmx_check_returns_only_the_results_fragment(world, login):
    response = login(world.kh_member).post(CHECK, {"text": "kiddie porn"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and "child sexual abuse material (CSAM)" in html
    assert 'id="terminology-status"' in html and 'hx-swap-oob="true"' in html


def test_bad_input_is_refused_with_a_clear_message(world, login):
    client = login(world.kh_member)
    assert "This field is required" in client.post(CHECK, {"text": ""}).content.decode()
    huge = client.post(CHECK, {"text": "a" * 500_001}).content.decode()
    assert "at most 500000 characters" in huge or "at most 500,000 characters" in huge


def test_clean_text_says_so(world, login):
    html = login(world.kh_member).post(CHECK, {"text": "Police cooperation."}).content.decode()
    assert "No discouraged terms found." in html


@pytest.mark.parametrize("who", ["guest", None])
def test_guests_and_anonymous_visitors_may_not_use_the_checker(world, login, who):
    client = login(getattr(world, who) if who else None)
    for url in (CHECK, TERMS, NEW):
        response = client.get(url)
        if who is None:
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == 403


@pytest.mark.parametrize("who", ["kh_focal", "kh_member", "kh_le", "trainer"])
def test_members_read_the_list_but_cannot_edit_it(world, login, who):
    client = login(getattr(world, who))
    html = client.get(TERMS).content.decode()
    assert "child sex tourist" in html and "Add a term" not in html
    term = Term.objects.get(label="child sex tourist")
    edit = reverse("terminology:term_edit", args=[term.pk])
    assert client.get(NEW).status_code == 403
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"label": "x"}).status_code == 403
    term.refresh_from_db()
    assert term.label == "child sex tourist"


def test_members_do_not_see_deactivated_terms(world, login):
    Term.objects.filter(language="en", label="child bride").update(active=False)
    row = '<th scope="row" lang="en">child bride</th>'  # other languages' labels name it too
    assert row not in login(world.kh_member).get(TERMS).content.decode()
    assert row in login(world.admin).get(TERMS).content.decode()


def _form_data(term, **changes):
    data = {
        "label": term.label,
        "variants": term.variants,
        "preferred": term.preferred,
        "reason": term.reason,
        "exceptions": term.exceptions,
        "source": term.source,
        "severity": term.severity,
        "context": term.context,
        "active": "on" if term.active else "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_an_admin_edit_changes_the_results_at_once_and_is_audited(world, login):
    text = "The traveller was a globetrotter near the children."
    assert check_text(text) == []
    term = Term.objects.get(label="child sex tourist")
    client = login(world.admin)
    edit = reverse("terminology:term_edit", args=[term.pk])
    response = client.post(edit, _form_data(term, variants=term.variants + "\nglobetrotter"))
    assert response.status_code == 302
    assert [f.matched for f in check_text(text)] == ["globetrotter"]
    entry = AuditEntry.objects.filter(action="terminology.term.update").get()
    assert entry.actor == world.admin and entry.object_id == str(term.pk)
    assert entry.data["changed"] == ["variants"]


def test_an_admin_deactivates_a_term_and_it_is_no_longer_reported(world, login):
    term = Term.objects.get(label="paedophile (as generic label for offenders)")
    assert check_text("a paedophile")
    edit = reverse("terminology:term_edit", args=[term.pk])
    login(world.admin).post(edit, _form_data(term, active=""))
    assert check_text("a paedophile") == []


def test_an_admin_adds_a_term(world, login):
    data = {
        "label": "test term",
        "variants": "zorblax\n\n  zorblax offender  ",
        "preferred": "plain words",
        "reason": "A fictitious test term.",
        "severity": "avoid",
        "context": "always",
        "active": "on",
    }
    assert login(world.admin).post(NEW, data).status_code == 302
    term = Term.objects.get(label="test term")
    assert term.variants == "zorblax\nzorblax offender"
    assert [f.matched for f in check_text("two zorblaxes")] == ["zorblaxes"]
    assert AuditEntry.objects.filter(action="terminology.term.create").count() == 1


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"variants": " - \n"}, "variants"),
        ({"variants": "child pornography\nab"}, "variants"),  # would flag ordinary words
        ({"severity": "terrible"}, "severity"),
        ({"label": "child bride"}, "label"),  # already exists
        ({"variants": "x" * 201}, "variants"),
    ],
)
def test_bad_term_input_is_refused_and_nothing_changes(world, login, changes, field):
    term = Term.objects.get(label="child sex tourist")
    before = Term.objects.values().get(pk=term.pk)
    response = login(world.admin).post(
        reverse("terminology:term_edit", args=[term.pk]), _form_data(term, **changes)
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Term.objects.values().get(pk=term.pk) == before
    assert not AuditEntry.objects.filter(action__startswith="terminology.term").exists()


def test_a_guessed_term_id_is_not_found(world, login):
    assert (
        login(world.admin).get(reverse("terminology:term_edit", args=[999999])).status_code == 404
    )


def test_the_django_admin_edits_through_the_audited_service(world, login):
    term = Term.objects.get(label="child bride")
    world.admin.is_staff = world.admin.is_superuser = True  # the Django admin's own gate
    world.admin.save(update_fields=["is_staff", "is_superuser"])
    client = login(world.admin)
    url = reverse("admin:terminology_term_change", args=[term.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, _form_data(term, variants="child bride\nchild groom"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert [f.matched for f in check_text("the child grooms")] == ["child grooms"]
    assert AuditEntry.objects.filter(action="terminology.term.update").exists()
    # Terms are deactivated, never deleted.
    delete = reverse("admin:terminology_term_delete", args=[term.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Term.objects.filter(pk=term.pk).exists()


def _make_terms(n):
    Term.objects.bulk_create(
        Term(
            label=f"fictitious {i}",
            variants=f"zzq{i}",
            preferred="p",
            reason="r",
            severity="avoid",
        )
        for i in range(n)
    )


@pytest.mark.queries("terminology:term_list")
@pytest.mark.parametrize("who", ["admin", "kh_member"])
def test_the_term_list_costs_the_same_queries_for_2_or_20_extra_terms(
    world, login, django_assert_num_queries, who
):
    client = login(getattr(world, who))
    client.get(TERMS)  # session and principal warm-up is the same for both runs
    _make_terms(2)
    with CaptureQueriesContext(connection) as first:
        assert client.get(TERMS).status_code == 200
    Term.objects.filter(label__startswith="fictitious").delete()
    _make_terms(20)
    with django_assert_num_queries(len(first.captured_queries)):
        assert client.get(TERMS).status_code == 200


def test_the_check_page_costs_the_same_queries_for_short_and_long_texts(
    world, login, django_assert_num_queries
):
    client = login(world.kh_member)
    client.post(CHECK, {"text": "warm up"})
    with CaptureQueriesContext(connection) as short:
        client.post(CHECK, {"text": "a sex tourist near the child"})
    with django_assert_num_queries(len(short.captured_queries)):
        client.post(CHECK, {"text": "a sex tourist near the child. " * 2000})


def test_the_dashboard_links_writers_to_the_checker_and_not_guests(world, login):
    assert CHECK in login(world.kh_member).get("/").content.decode()
    assert CHECK not in login(world.guest).get("/").content.decode()
