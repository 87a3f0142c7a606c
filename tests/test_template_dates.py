"""One date format per language (docs/design.md, "Dates"): no template under protectnet/ spells a
date or time format of its own, so a page cannot fall back to an English or ISO form. Templates
name the language's formats (`|day`, `|moment`, `|date:"DATE_FORMAT"` and the like); the few
literal formats left are not dates a reader reads as one."""

import re
from pathlib import Path

import protectnet

ROOT = Path(protectnet.__file__).parent
NAMED = {
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "MONTH_DAY_FORMAT",
    "YEAR_MONTH_FORMAT",
    "TIME_FORMAT",
}
# A year alone, a weekday beside a formatted date, and the machine forms that go into attributes,
# URLs and hidden inputs (ISO 8601), never into text.
ALLOWED = NAMED | {"Y", "D", "l", "Y-m-d", "c"}
FORMAT = re.compile(r"\|(?:date|time):(?P<q>[\"'])(?P<format>.*?)(?P=q)")


def _templates():
    for suffix in ("*.html", "*.txt"):
        yield from ROOT.rglob(f"templates/**/{suffix}")


def literal_formats() -> list[str]:
    found = []
    for path in _templates():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in FORMAT.finditer(line):
                if match["format"] not in ALLOWED:
                    where = path.relative_to(ROOT)
                    found.append(f'{where}:{number}: |date:"{match["format"]}"')
    return found


def test_no_template_spells_a_date_format_of_its_own():
    assert literal_formats() == []


def test_the_check_finds_a_literal_format():
    assert FORMAT.search('{{ w.start_date|date:"j M Y" }}')["format"] == "j M Y"
    assert FORMAT.search("{{ s.ends_at|time:'H:i' }}")["format"] == "H:i"
    assert "j M Y" not in ALLOWED and "Y-m-d H:i:s" not in ALLOWED
