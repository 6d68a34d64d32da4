"""The theme's toggles, corrected on a finished page: valid HTML, and named for screen readers."""

from __future__ import annotations

from microcredential_catalogue.pages.theme_markup import (
    DRAWER_TOGGLE,
    SEARCH_TOGGLE,
    TOC_TOGGLE,
    ToggleNames,
    with_valid_theme_markup,
)

NAMES = ToggleNames(search="Ouvrir la recherche", table_of_contents="Table des « matières »")
NAV_LABEL = '<label class="md-nav__link" for="__nav_8" id="__nav_8_label" tabindex="">'


def test_the_themes_toggles_become_valid_and_named():
    page = f"<body>{DRAWER_TOGGLE}{SEARCH_TOGGLE}<nav>{NAV_LABEL}{TOC_TOGGLE}</nav></body>"
    assert with_valid_theme_markup(page, NAMES) == (
        '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" aria-label="Ouvrir la recherche">'
        '<nav><label class="md-nav__link" for="__nav_8" id="__nav_8_label">'
        '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc" aria-label="Table des « matières »">'
        "</nav></body>"
    )


def test_text_that_only_looks_like_the_themes_markup_is_left_alone():
    escaped = "<p>&lt;input type=&quot;checkbox&quot; autocomplete=&quot;off&quot;&gt; tabindex=&quot;&quot;</p>"
    assert with_valid_theme_markup(escaped, NAMES) == escaped


def test_the_menu_button_is_named_in_the_pages_language():
    page = '<header><label class="md-header__button md-icon" for="__drawer"><svg></svg></label></header>'
    named = with_valid_theme_markup(page, ToggleNames(search="", table_of_contents="", menu="Menu"))
    assert named == (
        '<header><label class="md-header__button md-icon" for="__drawer">'
        '<span class="mc-visually-hidden">Menu</span><svg></svg></label></header>'
    )
    assert with_valid_theme_markup(page, NAMES) == page  # no name given: left as the theme wrote it
