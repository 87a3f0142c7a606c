"""Links say where they go, never a raw URL (docs/design.md, "Link text")."""

import re
from pathlib import Path

import protectnet
from tests import factories as f

ROOT = Path(protectnet.__file__).parent
# A variable that holds an address shown as the text of a link, or turned into links by urlize.
RAW = re.compile(r">\s*\{\{\s*[\w.]*(url|website|href|link)\s*\}\}\s*</a>|\|urlize")


def test_an_organisations_website_is_named_by_its_host(world, login):
    org = f.OrganisationFactory(
        country=world.kh, website="https://www.cpac.example.org/about/?lang=en"
    )
    page = login(world.admin).get(f"/network/organisations/{org.pk}/").content.decode()
    assert 'href="https://www.cpac.example.org/about/?lang=en"' in page
    assert ">cpac.example.org</a>" in page
    assert ">https://" not in page


def test_no_template_shows_a_raw_url_as_link_text():
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in ROOT.rglob("templates/**/*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if RAW.search(line)
    ]
    assert found == []
