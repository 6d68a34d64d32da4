"""The theme's markup made valid in a finished page, where no partial of Material reaches it.

Material writes its two page-wide toggles in base.html outside any block, and its navigation's
toggles deep in nav-item.html; copying those templates to change one attribute would freeze the
theme's version in overrides/. So each page's final HTML is corrected here, tag by tag:

- `autocomplete="off"` on a checkbox is invalid HTML (Nu Html Checker): removed;
- `tabindex=""` on a section's label is invalid HTML: removed (the label is not focusable anyway);
- the search and table-of-contents checkboxes have no accessible name (pa11y, WCAG 4.1.2): named;
- the menu button (a <label> for the drawer's checkbox) gets its name as unseen words, for
  menu.js to make it a button.

Only the exact tags the theme writes are changed, so a record's text can never be rewritten here.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

DRAWER_TOGGLE = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
SEARCH_TOGGLE = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
TOC_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
EMPTY_TABINDEX = '_label" tabindex="">'
MENU_BUTTON = '<label class="md-header__button md-icon" for="__drawer">'


@dataclass(frozen=True)
class ToggleNames:
    """What a screen reader says for the theme's unnamed checkboxes, in the page's language."""

    search: str
    table_of_contents: str
    menu: str = ""


def with_valid_theme_markup(html: str, names: ToggleNames) -> str:
    """The page with the theme's invalid or unnamed toggles corrected; the rest unchanged."""
    return (
        html.replace(DRAWER_TOGGLE, DRAWER_TOGGLE.replace(' autocomplete="off"', ""), 1)
        .replace(SEARCH_TOGGLE, _named(SEARCH_TOGGLE.replace(' autocomplete="off"', ""), names.search), 1)
        .replace(TOC_TOGGLE, _named(TOC_TOGGLE, names.table_of_contents), 1)
        .replace(EMPTY_TABINDEX, '_label">')
        .replace(MENU_BUTTON, _with_words(MENU_BUTTON, names.menu), 1)
    )


def _with_words(tag: str, name: str) -> str:
    """A <label>'s name as words inside it, unseen (aria-label is not allowed on a label)."""
    return tag + f'<span class="mc-visually-hidden">{escape(name)}</span>' if name else tag


def _named(tag: str, name: str) -> str:
    return tag[:-1] + f' aria-label="{escape(name)}">'
