"""Browser journey: upload a PDF, see the terminology warning, publish, find it by a word inside."""

import csv
from pathlib import Path

import pytest
from playwright.sync_api import expect

from protectnet.demo import samples
from tests import factories as f
from tests.e2e.conftest import browser_sign_in
from tests.e2e.fit import misfits

CSV = Path(__file__).resolve().parents[2] / "protectnet/terminology/data/terminology.csv"


def _avoided_term() -> str:
    # Read from the terminology data so the discouraged words live only there.
    with CSV.open(encoding="utf-8") as handle:
        return next(r["term"] for r in csv.DictReader(handle) if r["severity"] == "avoid")


@pytest.fixture
def member(transactional_db):
    kh = f.CountryFactory(code="KH")
    ngo = f.OrganisationFactory(name="Journey NGO", country=kh)
    return f.member_of(ngo, "journey.member@example.test")


def test_member_publishes_a_pdf_and_finds_it_by_a_word_inside(page, member, settings, tmp_path):
    pytest.importorskip("protectnet.terminology.forms")
    settings.MEDIA_ROOT = tmp_path
    pdf = tmp_path / "handbook.pdf"
    pdf.write_bytes(samples.pdf("Handbook", ["Chapter on the pangolin referral desk."]))

    browser_sign_in(page, member.email, f.PASSWORD)
    page.goto("/library/")
    page.get_by_role("button", name="Add a resource").click()
    page.get_by_role("textbox", name="Title", exact=True).fill("Referral desk handbook")
    summary = f"Guidance for officers; avoid the term {_avoided_term()}."
    page.get_by_role("textbox", name="Summary", exact=True).fill(summary)
    page.get_by_label("Type").select_option("guide")
    page.get_by_label("English").check()
    page.get_by_label("TLP:GREEN").check()
    page.get_by_label("Files").set_input_files(str(pdf))
    page.get_by_role("button", name="Publish").click()

    # The checker stops the first submission and shows the finding with the preferred term.
    page.locator(".terminology-finding").first.wait_for()
    expect(page.get_by_text("child sexual abuse material (CSAM)").first).to_be_visible()
    # Browsers never keep a chosen file: the server kept it and lists it as attached.
    assert page.get_by_label("attached: handbook.pdf", exact=False).is_checked()
    page.locator("input[name=terminology_confirmed]").check()
    page.get_by_role("button", name="Publish").click()
    page.get_by_role("heading", name="Referral desk handbook").wait_for()

    page.goto("/library/")
    page.get_by_label("Search the library").fill("pangolin")
    page.get_by_role("button", name="Search").click()
    # The word is only inside the PDF: the hit shows it highlighted in its snippet.
    page.locator(".snippet mark", has_text="pangolin").first.wait_for()
    expect(page.get_by_role("link", name="Referral desk handbook")).to_be_visible()
    expect(page.locator("#results-heading")).to_contain_text("1 resource")


def test_search_page_works_on_a_phone(phone_page, member):
    browser_sign_in(phone_page, member.email, f.PASSWORD)
    phone_page.goto("/library/?q=nothing")
    phone_page.get_by_role("heading", name="Library", exact=True).wait_for()
    expect(phone_page.get_by_text("Nothing found")).to_be_visible()
    assert misfits(phone_page) == []
