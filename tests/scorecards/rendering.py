"""Scorecard renders refused: what is served then must have been kept before."""

from assessor.scorecards import pages, pdfs


def refuse_to_render(monkeypatch) -> None:
    """From now on a page part or PDF rendered fails the test."""

    def refused(*arguments, **keywords):
        raise AssertionError("a page part or PDF was rendered")

    monkeypatch.setattr(pages, "rendered_page", refused)
    monkeypatch.setattr(pdfs, "render_scorecard", refused)
