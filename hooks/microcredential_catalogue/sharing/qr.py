"""QR codes for paper: the search page's (on the referral sheet) and each credential page's."""

from __future__ import annotations

import posixpath
import re
from functools import partial

from .. import addresses
from ..model.catalogue import Credential
from ..pages.files import Drawing
from .context import ShareContext
from .qr_svg import qr_svg

QR_FILE = "qr.svg"
CATALOGUE_QR_FILE = addresses.CATALOGUE_QR_FILE  # the search page's code, printed on the referral sheet


class QrCodes:
    def __init__(self, context: ShareContext):
        self.context = context
        self.catalogue_versions: dict[str, str] = {}  # language -> "?v=…" of the catalogue's code

    def catalogue(self, lang: str) -> None:
        t = self.context.text
        title = t("share_qr_title", lang, title=t("catalogue_title", lang))
        url = self.context.page_url("catalogue", lang)
        svg = qr_svg(url, title)
        self.context.files[addresses.file_beside(addresses.SHARE_FOLDER, CATALOGUE_QR_FILE, lang)] = svg
        self.catalogue_versions[lang] = f"?v={addresses.content_version(svg)}"

    def credential(self, credential: Credential, lang: str) -> None:
        page = addresses.credential_page(credential.id)
        title = credential_qr_title(self.context, credential, lang)
        url = self.context.credential_url(credential, lang)
        # Drawn each build (its name says nothing of what it draws), by another process on a big one.
        self.context.files[addresses.file_beside(page, QR_FILE, lang)] = Drawing(partial(qr_svg, url, title), False)


def credential_qr_title(context: ShareContext, credential: Credential, lang: str) -> str:
    return context.text("share_qr_title", lang, title=credential.title[lang])


def versioned_qr(url: str, title: str) -> str:
    """The code's address beside its page, versioned by what it draws (the address it encodes and
    its title): a changed page address never leaves a cached code pointing at the old one."""
    return f"{QR_FILE}?v={addresses.content_version(url + chr(10) + title)}"


# An address of the catalogue's code in a page's HTML, without a query yet: relative to the page.
_CATALOGUE_QR_ADDRESS = re.compile(
    rf'(?P<attribute>\b(?:src|href)=")(?P<address>[^"?#]*{re.escape(CATALOGUE_QR_FILE)})"'
)


def with_versioned_catalogue_qr(html: str, page_url: str, versions: dict[str, str]) -> str:
    """The page's HTML with each address of the catalogue's code followed by the version of the
    file it leads to (`versions`: language -> "?v=…"). Hand-written pages (the referral sheet)
    name the code by its plain address; a cached code would show yesterday's."""
    if CATALOGUE_QR_FILE not in html:  # most pages (every credential's): no pattern run over them
        return html
    published = {
        addresses.url_beside(addresses.SHARE_FOLDER, CATALOGUE_QR_FILE, lang): version
        for lang, version in versions.items()
    }
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)

    def versioned(match: re.Match) -> str:
        version = published.get(posixpath.normpath(posixpath.join(folder, match["address"])), "")
        return f'{match["attribute"]}{match["address"]}{version}"'

    return _CATALOGUE_QR_ADDRESS.sub(versioned, html)
