"""What axe finds on a page against WCAG 2.1 A and AA, the level the site promises."""

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
# Minor findings are advice; anything from moderate up keeps someone from using the page.
FAILING_IMPACTS = {"moderate", "serious", "critical"}


def accessibility_findings(page) -> list[str]:
    """Each WCAG 2.1 AA rule the page breaks at moderate impact or worse, with where."""
    results = Axe().run(page, options={"runOnly": WCAG_21_AA, "resultTypes": ["violations"]})
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in FAILING_IMPACTS
    ]
