"""The one place that maps a page of the catalogue to its source file and its URL.

A page is named by a logical path without language: "" (home), "mc/<id>" (a credential),
"browse/sectors/health" (a group). French is the default language, served at the site root;
English lives under /en/. These addresses are permanent: newsletters link to them for years.
"""

from __future__ import annotations

import hashlib
import posixpath

DEFAULT_LANGUAGE = "fr"

# The site's own pages (templates link them by these names, through link()).
HOME = ""
CREDENTIALS = "mc"  # each credential's page: mc/<id>
CATALOGUE = "catalogue"  # the search page
BROWSE = "browse"  # every facet, with its groups
FREE = "browse/free"
EDITORS = "editors"
FIELDS = "editors/fields"  # what each field of a record means
ABOUT = "about"
# Hand-written pages (docs/<name>.<lang>.md) that generated pages link to.
WHAT_IS = "learn/what-is"
PRACTITIONERS = "practitioners"
CONTRIBUTING = "contributing"
LINKS = "links"  # "Share a link", with the link builder


# The catalogue's list without the site's chrome, for an <iframe> on a network's site; it reads
# the same URL parameters as the catalogue page (embed/?region=north&cost=free).
EMBED_PAGE = "embed"


def credential_page(credential_id: str) -> str:
    return f"{CREDENTIALS}/{credential_id}"


def facet_page(facet: str) -> str:
    """The page listing a facet's groups: 'browse/sectors'."""
    return f"{BROWSE}/{facet}"


def group_page(facet: str, key: str) -> str:
    """The page of one group: 'browse/sectors/health'."""
    return f"{BROWSE}/{facet}/{key}"


def language_prefix(lang: str) -> str:
    """The folder a language's pages live under: '' for French (the root), 'en/' for English."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def source_file(page: str, lang: str) -> str:
    """The Markdown file, relative to docs/, that the i18n plugin turns into `page` in `lang`."""
    return f"{page or 'index'}.{lang}.md"


def url(page: str, lang: str) -> str:
    """The site-relative URL of `page` in `lang`, as a directory: 'en/mc/foo/'."""
    return language_prefix(lang) + (f"{page}/" if page else "")


def relative(from_page: str, to_page: str, lang: str, fragment: str = "") -> str:
    """A link from one page to another of the same language that works under any sub-path."""
    # Both URLs are directories of the same site, so a relative path is "up to the common
    # folder, then down"; this runs tens of thousands of times per build, os.path.relpath is slow.
    start = url(from_page, lang).split("/")[:-1]
    target = url(to_page, lang).split("/")[:-1]
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    parts = [".."] * (len(start) - common) + target[common:]
    link = "/".join(parts) + "/" if parts else "./"
    return link + (f"#{fragment}" if fragment else "")


# Files that sit beside pages: previews, feeds, exports. Each language's copy is a suffixed
# source file (name.fr.xml) that mkdocs-static-i18n publishes under that language's root.
SHARE_FOLDER = "share"  # site-wide shared files: feeds, open data, the site's preview image
CATALOGUE_QR_FILE = "catalogue-qr.svg"  # in SHARE_FOLDER: the search page's QR code
CALENDAR_FILE = "intakes.ics"  # in SHARE_FOLDER: the start dates, published only when there is one
ASSETS = "assets"  # one copy for both languages, under docs/ and in the site
SCRIPTS = f"{ASSETS}/javascripts"  # ours, as ES modules and a few plain scripts
SEARCH_DATA = f"{ASSETS}/catalogue-data"  # the search index and facet table the build writes
# Where the build once wrote each search page's joined script, which the page now carries inside
# it: still reserved, and emptied of what an earlier build left there (pages/files.py).
PAGE_SCRIPTS = f"{ASSETS}/page-scripts"
THEME_STYLESHEETS = f"{ASSETS}/stylesheets"  # Material's own, in its folder and in the site


def script(name: str) -> str:
    """The path, under docs/ and in the site, of one of our scripts: 'search/query.js'."""
    return f"{SCRIPTS}/{name}"


def content_version(text: str) -> str:
    """A short hash of a generated file's content, put in the address pages use for it (?v=…):
    a new build is never read from a stale cache, and an unchanged file stays cached."""
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def page_script(entry: str, lang: str) -> str:
    """The name of the script the build joins from the module `entry` ('catalogue.js') for a
    language's page, and writes inside that page (pages/scripts.py)."""
    return f"{PAGE_SCRIPTS}/{entry.removesuffix('.js')}-{lang}.js"


def file_from(page: str, lang: str, path: str) -> str:
    """A file under docs/ (one copy for both languages), linked relatively from a page."""
    return posixpath.relpath(path, url(page, lang) or ".")


LOCALES = {"fr": "fr_CA", "en": "en_CA"}
HREFLANGS = {"fr": "fr-CA", "en": "en-CA"}


def absolute(page: str, lang: str, site_url: str) -> str:
    """The permanent, absolute URL of a page: what newsletters, feeds and search engines keep."""
    return site_url.rstrip("/") + "/" + url(page, lang)


def page_of_url(site_relative_url: str) -> tuple[str, str]:
    """The inverse of url(): 'en/mc/foo/' -> ('mc/foo', 'en'); '' or './' -> ('', 'fr')."""
    path = site_relative_url.strip("/").removeprefix(".")
    first, _, rest = path.partition("/")
    if first in HREFLANGS and first != DEFAULT_LANGUAGE:
        return rest, first
    return path, DEFAULT_LANGUAGE


def file_beside(page: str, name: str, lang: str | None = None) -> str:
    """The source file, relative to docs/, of a file published in `page`'s folder.

    With a language, the file is that language's copy: 'mc/foo/preview.en.png' is published
    at 'en/mc/foo/preview.png'. Without, one copy is shared by both languages.
    """
    stem, dot, extension = name.rpartition(".")
    local = f"{stem}.{lang}.{extension}" if lang else name
    return f"{page}/{local}" if page else local


def published_file(source: str) -> str:
    """The inverse of file_beside(): where mkdocs-static-i18n publishes a file of docs/, as the
    site-relative path: 'mc/foo/preview.en.png' -> 'en/mc/foo/preview.png', 'mc/foo/qr.fr.svg'
    -> 'mc/foo/qr.svg'; a file of both languages ('share/data.csv') keeps its path."""
    folder, _, name = source.rpartition("/")
    stem, _, extension = name.rpartition(".")
    stem, _, lang = stem.rpartition(".")
    if lang not in HREFLANGS or not stem:
        return source
    return url_beside(folder, f"{stem}.{extension}", lang)


def url_beside(page: str, name: str, lang: str) -> str:
    """The site-relative URL of a file published in `page`'s folder, in `lang`."""
    return url(page, lang) + name


# The lists two filters make (catalogue/?sector=health&pathway=employment) have a feed, and a
# calendar when they have a start date, in a folder named by the two filters: each as
# "<URL parameter>/<value>", the parameters in alphabetical order (whatever order the catalogue's
# address gives them). Permanent, as the catalogue's URL parameters are: newsletters follow them.
LISTS = f"{SHARE_FOLDER}/lists"


def combined_list(filters) -> str:
    """The folder of a list two (or more) filters make: 'share/lists/pathway/employment/sector/health'.
    `filters`: (URL parameter, value) pairs, of different parameters."""
    return "/".join([LISTS, *(f"{param}/{value}" for param, value in sorted(filters))])


def file_beside_from(from_page: str, folder: str, name: str, lang: str) -> str:
    """A file published in `folder` in `lang` (a feed, the calendar), linked relatively from a page."""
    return posixpath.relpath(url_beside(folder, name, lang), url(from_page, lang) or ".")


def alternates(page: str, site_url: str) -> list[tuple[str, str, str]]:
    """(hreflang, absolute URL, site-relative path) of every language's copy of a page, and
    x-default (French). The path lets a copy of the site served elsewhere point them at itself."""
    links = [(HREFLANGS[lang], absolute(page, lang, site_url), url(page, lang)) for lang in ("fr", "en")]
    return links + [("x-default", absolute(page, DEFAULT_LANGUAGE, site_url), url(page, DEFAULT_LANGUAGE))]
