"""axe-core, the accessibility checker, run on the page a browser test has open."""

from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe-4.10.3.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def serious_violations(page, tags: list[str] = WCAG_AA) -> list[str]:
    """The serious and critical violations on the page, as "rule (impact): first element".

    A click that follows a link starts a navigation the test did not wait for; injecting the
    checker then would hit a document without a head, so wait for the new page first."""
    page.wait_for_load_state("load")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags
    )
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
