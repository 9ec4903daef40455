"""Every main page at a phone's, a tablet's and a desktop's width: nothing wider than the
window, the menu within reach; a full-page screenshot of each kept for a person to look at."""

import pytest

from tests.artefacts import artefact_path
from tests.browser.site_pages import PAGE_NAMES, open_site_page

WIDTHS = (390, 768, 1280)
MOST_DRAWN_AT_ONCE = 16384
WINDOW_HEIGHT = 900


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def elements_wider_than_the_window(page) -> list[str]:
    """What sticks out of the window on the right (or the left), named well enough to find."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
        .filter(el => {
            const box = el.getBoundingClientRect();
            if (box.width === 0 || el.closest('.table-scroll, .wide-table')) return false;
            return box.right > window.innerWidth + 1 || box.left < -1;
        })
        .filter((el, index, all) => !all.includes(el.parentElement))
        .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
             + (typeof el.className === 'string' && el.className ? '.' + el.className : '')
             + ' ' + Math.round(el.getBoundingClientRect().width) + 'px')
        .slice(0, 10)"""
    )


def menu_links_out_of_reach(page) -> list[str]:
    """The main menu's links and buttons a reader cannot see inside the window."""
    return page.evaluate(
        """() => [...document.querySelectorAll('nav.main-menu a, nav.main-menu button')]
        .filter(el => {
            const box = el.getBoundingClientRect();
            const hidden = box.width === 0 || box.height === 0;
            return hidden || box.left < 0 || box.right > window.innerWidth;
        })
        .map(el => el.textContent.trim())"""
    )


def screenshot(page, path, width: int) -> None:
    """The page from its top, as tall as it is up to what Chromium draws in one piece, taken
    through a window that tall: capturing a long page (the API reference at a phone's width)
    as a full-page screenshot takes longer than the rest of the test."""
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": width, "height": min(height, MOST_DRAWN_AT_ONCE)})
    page.screenshot(path=path)
    page.set_viewport_size({"width": width, "height": WINDOW_HEIGHT})


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_a_main_page_fits_each_width_with_its_menu_in_reach(page, session, live_server, name):
    open_site_page(page, session, live_server, name)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": WINDOW_HEIGHT})
        screenshot(page, artefact_path("screens", f"{name}-{width}.png"), width)
        assert page_width(page) <= width, (width, elements_wider_than_the_window(page))
        assert menu_links_out_of_reach(page) == [], width
