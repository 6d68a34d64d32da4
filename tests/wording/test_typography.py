"""French typography: no line of a French page may break before « : ; ? ! », inside « », or in « 1 000 $ »."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from icalendar import Calendar
from microcredential_catalogue.wording.typography import NBSP, NNBSP, french_html
from support import shipped_example

SKIPPED = {"script", "style", "pre", "code", "kbd", "samp", "textarea"}
BREAKABLE = "[ \t\r\n]"
# Where a written space must not break: (what it is, pattern of a breakable space there).
RULES = [
    ("before a colon", re.compile(r"\S" + BREAKABLE + r"+:")),
    ("before ; ? !", re.compile(r"\S" + BREAKABLE + r"+[;?!]")),
    ("after «", re.compile("«" + BREAKABLE)),
    ("before »", re.compile(BREAKABLE + "»")),
    ("inside a number", re.compile(r"(?<![\d.,])\d{1,3}" + BREAKABLE + r"\d{3}(?!\d)")),
    ("before $ or h", re.compile(r"\d" + BREAKABLE + r"+(?:\$|h\b)")),
]


class _Prose(HTMLParser):
    """The text a reader sees, with the text of code and scripts left out; inline tags do not split it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs: list[str] = [""]
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping += 1
            self.runs.append("")

    def handle_endtag(self, tag):
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.runs[-1] += data


READABLE_ATTRIBUTES = {"aria-label", "alt", "title", "placeholder"}
PREVIEW_METAS = re.compile(r"^(?:description|(?:og|twitter):(?:title|description|site_name|image:alt))$")


class _Unseen(HTMLParser):
    """The texts a reader hears or a link preview shows outside the page's prose: labels, alt
    text, the <head>'s description and og/twitter texts, and the copyable share text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs: list[str] = []
        self.in_textarea = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.runs += [value for name, value in attrs if name in READABLE_ATTRIBUTES and value]
        if tag == "meta" and PREVIEW_METAS.match(values.get("name") or values.get("property") or ""):
            self.runs.append(values.get("content") or "")
        self.in_textarea = tag == "textarea"

    def handle_endtag(self, tag):
        self.in_textarea = False

    def handle_data(self, data):
        if self.in_textarea:
            self.runs.append(data)


def breakable_spaces(html: str, parser_class=None) -> list[str]:
    """Each place where French typography wants a no-break space and the page has a breakable one."""
    parser = (parser_class or _Prose)()
    parser.feed(html)
    found = []
    for run in parser.runs:
        for name, pattern in RULES:
            found += [f"{name}: {run[max(0, m.start() - 30) : m.end() + 10]!r}" for m in pattern.finditer(run)]
    return found


def french_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "en")


def test_every_french_page_keeps_its_punctuation_and_numbers_on_the_line(shipped_site):
    pages = french_pages(shipped_site)
    assert len(pages) > 30  # the check ran over the whole French site, not an empty folder
    problems = {
        str(p.relative_to(shipped_site)): found
        for p in pages
        if (found := breakable_spaces(p.read_text(encoding="utf-8")))
    }
    assert problems == {}


def test_labels_alt_texts_previews_and_share_texts_of_french_pages_keep_theirs_too(shipped_site):
    pages = french_pages(shipped_site)
    problems = {
        str(p.relative_to(shipped_site)): found
        for p in pages
        if (found := breakable_spaces(p.read_text(encoding="utf-8"), _Unseen))
    }
    assert problems == {}


FEED_TEXT = re.compile(r"<(title|subtitle|summary)>([^<]*)</\1>")


def test_french_feeds_keep_their_no_break_spaces_too(shipped_site):
    feeds = [p for p in shipped_site.rglob("*.xml") if p.relative_to(shipped_site).parts[0] != "en"]
    feeds = [p for p in feeds if "<feed " in p.read_text(encoding="utf-8")]
    assert len(feeds) > 10
    problems = {}
    for feed in feeds:
        texts = [html.unescape(text) for _, text in FEED_TEXT.findall(feed.read_text(encoding="utf-8"))]
        found = [name for text in texts for name, pattern in RULES if pattern.search(text)]
        if found:
            problems[str(feed.relative_to(shipped_site))] = found
    assert problems == {}


def test_french_calendars_keep_their_no_break_spaces_too(shipped_site):
    """A calendar application shows an event's title and description, and breaks their lines too."""
    calendars = [p for p in shipped_site.rglob("*.ics") if p.relative_to(shipped_site).parts[0] != "en"]
    assert calendars  # the shipped records have start dates: the check read some calendars
    problems = {}
    for path in calendars:
        calendar = Calendar.from_ical(path.read_bytes())
        texts = [str(calendar.get("x-wr-calname", ""))]
        texts += [str(event.get(key, "")) for event in calendar.walk("VEVENT") for key in ("summary", "description")]
        found = [f"{name}: {text[:60]!r}" for text in texts for name, pattern in RULES if pattern.search(text)]
        if found:
            problems[str(path.relative_to(shipped_site))] = found
    assert problems == {}


def test_the_unseen_texts_check_reads_heads_labels_and_share_texts():
    head_and_labels = (
        '<meta name="description" content="Prix : 10 $"><meta property="og:title" content="Quoi ?">'
        '<a aria-label="Précédent : Accueil">x</a><img alt="« Titre »"><meta name="viewport" content="a ; b">'
    )
    assert len(breakable_spaces(head_and_labels + "<textarea>Début : mai</textarea>", _Unseen)) == 7
    assert breakable_spaces(french_html(head_and_labels), _Unseen) == []  # the pass typesets them
    assert 'content="a ; b"' in french_html(head_and_labels)  # and leaves other attributes alone


def test_a_french_credential_page_keeps_no_break_spaces_the_pass_wrote(shipped_site):
    credential = shipped_example("is listed", lambda c: True)  # every credential page names its source
    page = (shipped_site / credential / "index.html").read_text(encoding="utf-8")
    assert f"Source{NBSP}:" in page


def test_english_pages_are_left_as_written(shipped_site):
    credential = shipped_example("is listed", lambda c: True)
    page = (shipped_site / "en" / credential / "index.html").read_text(encoding="utf-8")
    assert NNBSP not in page and f"{NBSP}:" not in page


@pytest.mark.parametrize(
    ("written", "typeset"),
    [
        ("Coût : 1 000 $", f"Coût{NBSP}: 1{NBSP}000{NBSP}$"),
        ("« texte »", f"«{NBSP}texte{NBSP}»"),
        ("Pourquoi ? Oui ! Ceci ; cela", f"Pourquoi{NNBSP}? Oui{NNBSP}! Ceci{NNBSP}; cela"),
        ("8 h par semaine", f"8{NBSP}h par semaine"),
        ("1 300 petites collectivités", f"1{NBSP}300 petites collectivités"),
    ],
)
def test_written_spaces_become_unbreakable(written, typeset):
    assert french_html(f"<p>{written}</p>") == f"<p>{typeset}</p>"


@pytest.mark.parametrize(
    "untouched",
    [
        "<p>Voir:https://exemple.ca/?a=1</p>",  # no space was written: none is added
        '<a href="https://exemple.ca/a b/?q=1 :x" data-x="a : b">lien</a>',  # other attributes stay as written
        '<meta name="viewport" content="a ; b">',  # a meta that is no text a reader sees
        "<pre>clé : valeur</pre>",
        "<p><code>a ? b : c</code></p>",
        "<script>const x = a ? b : c;</script>",
        "<style>a:hover { color: red !important; }</style>",
        "<!-- note : commentaire -->",
        "<p>en 2021 et 2022</p>",
    ],
)
def test_code_markup_and_unspaced_text_stay_byte_for_byte(untouched):
    assert french_html(untouched) == untouched


def test_a_readable_attribute_is_typeset_like_prose():
    typeset = french_html('<a href="/a :b" title="a : b" aria-label="Suivant : « Fin »">lien</a>')
    assert typeset == f'<a href="/a :b" title="a{NBSP}: b" aria-label="Suivant{NBSP}: «{NBSP}Fin{NBSP}»">lien</a>'


def test_a_space_before_a_tag_that_opens_with_a_colon_is_made_unbreakable():
    assert french_html("<p>Réduire <strong>:</strong> x</p>") == f"<p>Réduire{NBSP}<strong>:</strong> x</p>"


def test_the_checker_finds_a_breakable_space_where_the_pass_did_not_run():
    assert breakable_spaces("<p>Coût : 1 000 $</p>") != []
    assert breakable_spaces(french_html("<p>Coût : 1 000 $</p>")) == []


def page_cards(html: str) -> list[list[str]]:
    """The result cards the page was built with, each as its texts: title, provider, summary, facts."""
    import html5lib

    document = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    (results,) = document.iterfind(".//ul[@data-results]")
    cards = []
    for card in results.iterfind("li"):
        texts = [
            "".join(card.find(f".//{path}").itertext())
            for path in ("*[@class='mc-card__title']/a", "p[@class='mc-card__provider']")
        ]
        texts.append("".join(card.find(".//p[@class='mc-card__summary']").itertext()))
        texts += ["".join(fact.itertext()) for fact in card.iterfind(".//ul[@class='mc-tags']/li")]
        cards.append(texts)
    return cards


def test_cards_the_script_draws_read_as_the_cards_the_build_wrote(shipped_site):
    """The catalogue page's first results come in its HTML; later ones are drawn from the card
    files. Both must carry the same French spaces (« Info de 2022 : à confirmer »)."""
    import json

    built = page_cards((shipped_site / "catalogue" / "index.html").read_text(encoding="utf-8"))
    data = shipped_site / "assets" / "catalogue-data"
    manifest = json.loads((data / "search-fr.json").read_text(encoding="utf-8"))
    drawn = []
    for name in manifest["cards"]["files"]:
        for card in json.loads((data / name.split("?")[0]).read_text(encoding="utf-8"))["records"]:
            drawn.append([card["title"], card["provider"], card["summary"], *card["facts"]])
    assert built and len(built) <= len(drawn)
    assert any(NBSP + ":" in fact for card in drawn for fact in card)  # the case this is about
    assert built == drawn[: len(built)]
