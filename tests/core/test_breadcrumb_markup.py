"""Every page's breadcrumbs come from the shared page header (components/page_header.html): no
template writes a breadcrumb of its own, the bare link in a labelled nav it replaced."""

from pathlib import Path

import protectnet

ROOT = Path(protectnet.__file__).parent
SHARED = ROOT / "templates" / "components" / "page_header.html"
OLD = (
    "aria-label=\"{% translate 'Breadcrumb' %}\"",
    'class="breadcrumb"',
    "{% block breadcrumb %}",
)


def test_no_template_writes_its_own_breadcrumb():
    found = [
        f"{path.relative_to(ROOT)}: {marker}"
        for path in ROOT.rglob("templates/**/*.html")
        if path != SHARED
        for marker in OLD
        if marker in path.read_text(encoding="utf-8")
    ]
    assert found == []
