"""Browser journey: a focal point imports a file, fixes a bad row, commits, finds the person."""

import pytest
from playwright.sync_api import expect

from protectnet.network.models import Person
from tests.factories import PASSWORD

from .conftest import browser_sign_in
from .fit import misfits

CSV = (
    "full_name,email,phone,organisation,country,expertise,consent_directory\n"
    "Phan Rithy,rithy@example.test,+855 12 777 888,Cambodian Test NGO,KH,victim support,yes\n"
    "Lim Channary,channary@example.test,12345,Cambodian Test NGO,KH,school safeguarding,yes\n"
)


@pytest.fixture
def import_file(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_focal_point_imports_fixes_a_row_commits_and_finds_the_person(world, page, import_file):
    browser_sign_in(page, "focal.kh@example.test", PASSWORD)
    page.goto("/network/")
    page.get_by_role("button", name="Import a file").click()
    page.get_by_label("The file holds").select_option("people")
    page.get_by_label("CSV or Excel file").set_input_files(str(import_file))
    page.get_by_role("button", name="Check the file").click()

    page.get_by_text("1 row with problems").wait_for()
    assert page.get_by_role("button", name="Import").is_disabled()
    assert "bad phone 12345" in page.content()
    page.get_by_role("link", name="Fix line 3").click()
    page.get_by_label("phone").fill("+855 12 999 000")
    page.get_by_role("button", name="Save the row").click()

    page.get_by_text("Line 3 is fixed.").wait_for()
    page.get_by_role("button", name="Import all 2 rows").click()
    page.get_by_text("Imported: 2 added, 0 updated.").wait_for()
    assert Person.objects.get(email="channary@example.test").phone == "+85512999000"

    page.goto("/network/")
    page.get_by_label("Name, title or organisation").fill("channary")
    page.get_by_role("button", name="Search").click()
    row = page.get_by_role("row", name="Lim Channary")
    row.wait_for()
    assert "channary@example.test" in row.inner_text()  # consented: shown to members


def test_a_member_reads_the_directory_on_a_phone(world, phone_page):
    browser_sign_in(phone_page, "member.kh@example.test", PASSWORD)
    phone_page.goto("/network/?country=KH")
    phone_page.get_by_role("heading", name="Directory").wait_for()
    expect(phone_page.get_by_role("link", name="Organisations")).to_be_visible()
    assert misfits(phone_page) == []


@pytest.fixture
def axe_tab(browser, live_server):
    # bypass_csp only so that the axe-core checker can be injected; the app sets the CSP.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def test_directory_pages_have_no_serious_accessibility_violations(world, axe_tab):
    from protectnet.network.models import AdvisoryPanel, PanelMeeting, PanelMember

    from .axe import serious_violations

    panel = AdvisoryPanel.objects.create(country=world.kh, name="Cambodia advisory panel")
    PanelMember.objects.create(panel=panel, person=world.kh_member.person, discipline="ngo")
    meeting = PanelMeeting.objects.create(panel=panel, held_on="2026-03-02", title="Meeting")
    person = world.kh_member.person
    browser_sign_in(axe_tab, "focal.kh@example.test", PASSWORD)
    problems = {}
    for url in [
        "/network/",
        "/network/organisations/",
        f"/network/organisations/{world.kh_ngo.pk}/",
        f"/network/people/{person.pk}/",
        f"/network/people/{person.pk}/edit/",
        f"/network/people/{person.pk}/vetting/",
        "/network/countries/",
        "/network/countries/KH/",
        f"/network/panels/{panel.pk}/",
        f"/network/meetings/{meeting.pk}/",
        "/network/import/",
        "/network/me/",
    ]:
        axe_tab.goto(url)
        found = serious_violations(axe_tab)
        if found:
            problems[url] = found
    assert problems == {}
