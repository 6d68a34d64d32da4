"""QR codes for paper: the search page's (on the referral sheet) and each credential page's."""

from __future__ import annotations

from .. import addresses
from ..model.catalogue import Credential
from .context import ShareContext
from .qr_svg import qr_svg

QR_FILE = "qr.svg"
CATALOGUE_QR_FILE = addresses.CATALOGUE_QR_FILE  # the search page's code, printed on the referral sheet


class QrCodes:
    def __init__(self, context: ShareContext):
        self.context = context

    def catalogue(self, lang: str) -> None:
        t = self.context.text
        title = t("share_qr_title", lang, title=t("catalogue_title", lang))
        url = self.context.page_url("catalogue", lang)
        self.context.files[addresses.file_beside(addresses.SHARE_FOLDER, CATALOGUE_QR_FILE, lang)] = qr_svg(url, title)

    def credential(self, credential: Credential, lang: str) -> None:
        page = addresses.credential_page(credential.id)
        title = credential_qr_title(self.context, credential, lang)
        url = self.context.credential_url(credential, lang)
        self.context.files[addresses.file_beside(page, QR_FILE, lang)] = qr_svg(url, title)


def credential_qr_title(context: ShareContext, credential: Credential, lang: str) -> str:
    return context.text("share_qr_title", lang, title=credential.title[lang])


def versioned_qr(url: str, title: str) -> str:
    """The code's address beside its page, versioned by what it draws (the address it encodes and
    its title): a changed page address never leaves a cached code pointing at the old one."""
    return f"{QR_FILE}?v={addresses.content_version(url + chr(10) + title)}"
