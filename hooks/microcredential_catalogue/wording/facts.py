"""The one statement of a credential's facts, in each language.

Cost (with its note), length, delivery, start dates, the age of the information and what is
not known are worded here once; the page, the cards, the search results, the share text, the
preview image, the feeds, the calendar and the structured data all take them from here, so no
copy of a credential can say something its page does not.
"""

from __future__ import annotations

from datetime import date

from ..model.catalogue import Credential, Taxonomies
from ..model.stale import add_months
from . import formatting
from .typography import french_text


def as_said(text: str, lang: str) -> str:
    """An editor's text as every copy prints it: in French, with the no-break spaces the page's
    typography pass gives it (« 80 $ », « : »), so a copy outside HTML says the same characters."""
    return french_text(text) if lang == "fr" else text


VOWELS = "aeiouyàâéèêëîïôû"  # a word starting with one takes « d' » and "an"

# The facts a learner needs before enrolling; a card says "details to confirm" when one is unknown.
KEY_FACTS = ("cost", "hours", "delivery")


def have_start_dates(credentials) -> bool:
    """Whether a list has a start date to put in a calendar (a calendar without one is not published)."""
    return any(c.intake_dates for c in credentials if c.is_listed)


def unknown_facts(credential: Credential, fields=None) -> list[str]:
    """The facts a record leaves out, by name, in the order the credential page lists them."""
    known = {
        "cost": credential.cost_amount is not None or credential.cost_note is not None,
        "hours": credential.hours is not None,
        "delivery": credential.delivery is not None,
        "languages": bool(credential.languages),
        "regions": bool(credential.regions) or credential.delivery == "online",
        "intake": credential.intake_continuous or bool(credential.intake_dates),
        "audiences": bool(credential.audiences),
        "award": credential.award is not None,
        "prerequisites": credential.prerequisites is not None,
        "assessment": credential.assessment is not None,
    }
    return [name for name, is_known in known.items() if not is_known and (fields is None or name in fields)]


class FactWording:
    """How a credential's facts read in each language: `strings` are the site's words
    (overrides/locales/catalogue.yml); `today` decides whether information is old."""

    def __init__(self, strings: dict, taxonomies: Taxonomies, today: date):
        self.strings = strings
        self.taxonomies = taxonomies
        self.today = today

    def text(self, key: str, lang: str, **values) -> str:
        return self.strings[key][lang].format(**values)

    def labelled(self, key: str, value: str, lang: str) -> str:
        """ "Coût : 392 $", "Cost: $392" (French puts a no-break space before the colon)."""
        return f"{self.text(key, lang)}{self.text('colon', lang)} {value}"

    # -- each fact, or None when the record does not know it ----------------------------------

    def amount(self, credential: Credential, lang: str) -> str | None:
        """The total alone, as a card's short label says it: "Gratuit", "392 $"."""
        if credential.cost_amount is None:
            return None
        return self.text("free", lang) if credential.is_free else formatting.money(credential.cost_amount, lang)

    def cost(self, credential: Credential, lang: str) -> str | None:
        """The total with its note ("392 $ (4 modules à 98 $ chacun)"), or the note alone where
        the source gives no total ("$80 plus HST")."""
        amount, note = self.amount(credential, lang), credential.cost_note
        note_text = as_said(note[lang], lang) if note else None
        if amount is None:
            return note_text
        return f"{amount} ({note_text})" if note else amount

    def hours(self, credential: Credential, lang: str) -> str | None:
        return None if credential.hours is None else self.hours_text(credential.hours, lang)

    def hours_text(self, hours: int, lang: str) -> str:
        if hours == 1:
            return self.text("hours_value_one", lang)
        return self.text("hours_value", lang, n=formatting.number(hours, lang))

    def delivery(self, credential: Credential, lang: str) -> str | None:
        return self.taxonomies.label("delivery", credential.delivery, lang) if credential.delivery else None

    def intake(self, credential: Credential, lang: str) -> str | None:
        """Every start date the record gives, or "continuous intake"."""
        if credential.intake_continuous:
            return self.text("intake_continuous", lang)
        if credential.intake_dates:
            return ", ".join(formatting.day(start, lang) for start in credential.intake_dates)
        return None

    def next_start(self, credential: Credential, lang: str) -> str | None:
        """When one can start after today: the next start date, "any time", or None."""
        upcoming = [start for start in credential.intake_dates if start >= self.today]
        if upcoming:
            return self.text("share_next_start", lang, date=formatting.day(upcoming[0], lang))
        return self.text("intake_continuous", lang) if credential.intake_continuous else None

    def funding_text(self, key: str, lang: str) -> str:
        """ "OSAP (2021 list)": an eligibility is only as good as the list it comes from."""
        term = self.taxonomies.terms("funding")[key]
        if term.year is None:
            return term.label[lang]
        return self.text("funding_with_year", lang, label=term.label[lang], year=term.year)

    # -- the age of the information ------------------------------------------------------------

    def age(self, credential: Credential, lang: str) -> str:
        """The source's own date, or the day an editor compared the record with its source.
        "Verified" is never said of a source's date."""
        when = credential.information_date
        written = formatting.partial_date(when, lang)
        kind = "age_source" if credential.source_date else "age_undated"
        if when.day:
            kind += "_day"
        elif kind == "age_source" and written[0].lower() in VOWELS:  # « d'octobre », "an October"
            kind += "_vowel"
        return as_said(self.text(kind, lang, date=written), lang)

    def is_old(self, credential: Credential) -> bool:
        """Information older than settings.stale_after_months (data/taxonomies.yml) on the build day."""
        limit = self.taxonomies.stale_after_months
        return self.today > add_months(credential.information_date.earliest(), limit)

    def old_mark(self, credential: Credential, lang: str) -> str | None:
        """ "Info de 2022 : à confirmer" where the information is old."""
        return self.text("card_old", lang, year=credential.information_date.year) if self.is_old(credential) else None

    def unknown(self, credential: Credential, lang: str, fields=None) -> list[str]:
        """What is not known, in words: "coût", "nombre d'heures"…"""
        return [self.text(f"unknown_{name}", lang) for name in unknown_facts(credential, fields)]

    # -- the statements every copy of a credential makes ---------------------------------------

    def key_lines(self, credential: Credential, lang: str) -> list[str]:
        """The known ones of cost, length and delivery, each labelled; the unknown ones named in
        one sentence, as the page does ("Pas encore connu : nombre d'heures"); then the age, and "to
        confirm" where it is old."""
        lines = []
        for key, fact in (("cost", self.cost), ("hours", self.hours), ("delivery", self.delivery)):
            value = fact(credential, lang)
            if value:
                lines.append(self.labelled(key, self.after_colon(key, value, credential, lang), lang))
        unknown = self.unknown(credential, lang, KEY_FACTS)
        if unknown:
            lines.append(self.labelled("unknown_intro", ", ".join(unknown), lang))
        lines.append(self.age(credential, lang))
        old = self.old_mark(credential, lang)
        return [*lines, old] if old else lines

    def after_colon(self, key: str, value: str, credential: Credential, lang: str) -> str:
        """A word of the site's own after a colon takes no capital: « Comment se donne la formation :
        en ligne », "Cost: free (…)", and a note alone that opens with the site's word for free
        (« Coût : gratuit en 2021 pour… »). An editor's note is otherwise kept as written."""
        free = key == "cost" and (
            (credential.cost_amount is not None and credential.is_free)
            or (credential.cost_amount is None and value.startswith(self.text("free", lang) + " "))
        )
        if key == "delivery" or free:
            return value[:1].lower() + value[1:]
        return value

    def statement(self, credential: Credential, lang: str, provider: str) -> str:
        """One line for a feed, a preview or structured data: provider · facts · age."""
        return " · ".join([as_said(provider, lang), *self.key_lines(credential, lang)])

    def description(self, credential: Credential, lang: str) -> str:
        """The summary, then the key facts: a page's description, its structured data's."""
        return f"{as_said(credential.summary[lang], lang)} — {' · '.join(self.key_lines(credential, lang))}"

    def card_facts(self, credential: Credential, lang: str) -> list[str]:
        """A card's short labels: paused first; then known facts only, then one mark for missing
        key facts and one for old information. Group pages and search results alike."""
        c = credential
        facts = [self.text("status_paused", lang)] if c.status == "paused" else []
        cost, old = self.cost(c, lang), self.old_mark(c, lang)
        if c.is_free and old:  # "Free (2022 info): to confirm": free then is not free now
            cost, old = self.text("card_free_in", lang, year=c.information_date.year), None
        facts.extend(fact for fact in (cost, self.delivery(c, lang), self.hours(c, lang)) if fact)
        facts.extend(self.funding_text(key, lang) for key in c.funding)
        facts.extend(self.taxonomies.short_label("sectors", key, lang) for key in c.sectors)
        if unknown_facts(c, KEY_FACTS):
            facts.append(self.text("card_details_to_confirm", lang))
        return [*facts, old] if old else facts
