"""The editors' pages: the records to check again, and what each field of a record means."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .. import addresses
from ..model.catalogue import Catalogue
from ..model.field_docs import field_docs
from ..model.stale import stale_records
from .render import Renderer
from .source import PageFamily, PageSource


class EditorsPages(PageFamily):
    def __init__(self, catalogue: Catalogue, renderer: Renderer, today: date, project_root: Path):
        super().__init__(catalogue, renderer)
        self.today = today  # the re-check list holds the records stale on this day
        self.project_root = project_root  # the fields page documents its data/schema/

    def pages(self, lang: str) -> list[PageSource]:
        t = self.text
        return [
            self.page(
                addresses.EDITORS,
                lang,
                "editors.html",
                t("editors_title", lang),
                t("editors_lead", lang),
                stale=stale_records(self.catalogue, self.today),
                stale_after_months=self.catalogue.taxonomies.stale_after_months,
                today=self.today,
            ),
            self.page(
                addresses.FIELDS,
                lang,
                "fields.html",
                t("fields_title", lang),
                t("fields_lead", lang),
                fields=field_docs(self.project_root),
            ),
        ]
