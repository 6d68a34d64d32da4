"""The one place that maps a page of the catalogue to its source file and its URL.

A page is named by a logical path without language: "" (home), "mc/<id>" (a credential),
"browse/sectors/health" (a group). French is the default language, served at the site root;
English lives under /en/. These addresses are permanent: newsletters link to them for years.
"""

from __future__ import annotations

DEFAULT_LANGUAGE = "fr"


def credential_page(credential_id: str) -> str:
    return f"mc/{credential_id}"


def source_file(page: str, lang: str) -> str:
    """The Markdown file, relative to docs/, that the i18n plugin turns into `page` in `lang`."""
    return f"{page or 'index'}.{lang}.md"


def url(page: str, lang: str) -> str:
    """The site-relative URL of `page` in `lang`, as a directory: 'en/mc/foo/'."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return prefix + (f"{page}/" if page else "")


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
