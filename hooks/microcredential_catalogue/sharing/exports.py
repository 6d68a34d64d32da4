"""Open data files: the catalogue as JSON (with its schema) and CSV (one table per language), start dates."""

from __future__ import annotations

from .. import addresses
from ..model.catalogue import LANGUAGES
from . import export_formats
from .context import ShareContext
from .sheet_table import catalogue_table, table_csv


def open_data(context: ShareContext) -> None:
    """The same exports under each language's root (so each language's pages link their own);
    the start dates, one calendar per language, published only when it has an event (RFC 5545
    wants at least one component, and an empty calendar would invite a pointless subscription)."""
    catalogue, site_url, folder = context.catalogue, context.site_url, addresses.SHARE_FOLDER
    data = {
        "catalogue.json": export_formats.catalogue_json(catalogue, site_url),
        "catalogue.schema.json": export_formats.catalogue_schema(),
    }
    for table_lang in LANGUAGES:  # the spreadsheet table, in each language (`catalogue import` reads it back)
        data[f"catalogue-{table_lang}.csv"] = table_csv(catalogue_table(catalogue, table_lang, site_url))
    for lang in LANGUAGES:
        for name, content in data.items():
            context.files[addresses.file_beside(folder, name, lang)] = content
        title, starts = context.text("calendar_title", lang), context.renderer.strings["calendar_starts"][lang]
        calendar = export_formats.intakes_calendar(
            catalogue,
            lang,
            site_url,
            title,
            starts,
            lambda c, lang=lang: context.statement(c, lang),
            events=context.calendar_events,
        )
        if calendar:
            context.files[addresses.file_beside(folder, addresses.CALENDAR_FILE, lang)] = calendar


def list_calendar(context: ShareContext, page: str, lang: str, title: str, credentials) -> None:
    """The start dates of a list (a group page's, or two filters'), in its folder, when it has any."""
    if not any(c.intake_dates and c.is_listed for c in credentials):
        return  # most lists have none: not even a calendar to build
    calendar_title = context.text("calendar_list_title", lang, group=title)
    starts = context.renderer.strings["calendar_starts"][lang]
    calendar = export_formats.intakes_calendar(
        context.catalogue,
        lang,
        context.site_url,
        calendar_title,
        starts,
        lambda c: context.statement(c, lang),
        credentials=credentials,
        events=context.calendar_events,
    )
    if calendar:
        context.files[addresses.file_beside(page, addresses.CALENDAR_FILE, lang)] = calendar
