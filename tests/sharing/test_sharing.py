"""What learning networks pass on, checked on real builds: link previews, language alternates,
structured data, feeds and the sitemap (hooks/microcredential_catalogue/sharing/plan.py and friends)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urljoin, urlparse

import feedparser
import html5lib
import pytest
import yaml
from icalendar import Calendar
from jsonschema import Draft202012Validator
from microcredential_catalogue.building.drawing import DRAWINGS_FOLDER
from microcredential_catalogue.cli import main
from microcredential_catalogue.sharing.sheet_table import safe_cell
from PIL import Image
from pyld import jsonld
from support import FIXTURES, PROJECT, SUBPATH_URL, html_document, mkdocs_build, shipped_example

SCHEMAORG = FIXTURES / "sharing" / "schemaorg"
SITE_URL = SUBPATH_URL  # a sub-path, as a network's host may use
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def sharing_build(records_build) -> tuple[Path, Path]:
    """The shipped data, the fixture records (an alias, a discontinued record) and a record
    full of quotes and ampersands, built for a sub-path; returns (project, site)."""
    assert records_build.url == SITE_URL
    return records_build.project, records_build.site


@pytest.fixture(scope="module")
def site(sharing_build) -> Path:
    return sharing_build[1]


def local(site: Path, url: str) -> Path:
    """The file of the built site that serves an absolute URL of SITE_URL."""
    assert url.startswith(SITE_URL), url
    path = url[len(SITE_URL) :].split("#")[0].split("?")[0]  # a version (?v=…) names the same file
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def head_of(page: Path):
    """The page's head, parsed without its body: a parser reads forward, and what it meets before
    "<body" (after "</head>" too, where a stray <meta> still joins the head) is all the head has."""
    text = page.read_text(encoding="utf-8")
    body = text.find("<body", max(text.find("</head>"), 0))
    document = html5lib.parse(text if body < 0 else text[:body], namespaceHTMLElements=False)
    return document.find("head")


def metas(head) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in head.iter("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            found.setdefault(key, []).append(meta.get("content"))
    return found


def canonical_pages(site: Path) -> list[Path]:
    """Every page a search engine should send a reader to: not the 404 pages, not the redirects of
    old addresses, not a discontinued credential's page (kept for old links, marked noindex)."""
    pages = []
    for page in sorted(site.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in text and '<meta name="robots" content="noindex">' not in text:
            pages.append(page)
    return pages


def language_of(site: Path, page: Path) -> str:
    return "en" if page.relative_to(site).parts[0] == "en" else "fr"


def test_every_page_carries_link_preview_meta_in_its_language(site):
    pages = canonical_pages(site)
    assert len(pages) > 100
    for page in pages:
        head = head_of(page)
        meta = metas(head)
        lang = language_of(site, page)
        canonical = head.find("link[@rel='canonical']").get("href")
        assert meta["og:url"] == [canonical], page
        assert local(site, canonical) == page
        assert meta["og:locale"] == [{"fr": "fr_CA", "en": "en_CA"}[lang]], page
        assert meta["og:locale:alternate"] == [{"fr": "en_CA", "en": "fr_CA"}[lang]], page
        assert meta["og:site_name"] == [
            {"fr": "Catalogue des microcertifications", "en": "Micro-credential catalogue"}[lang]
        ]
        assert meta["og:title"][0] and meta["og:description"][0], page
        assert meta["twitter:title"] == meta["og:title"] and meta["twitter:card"] == ["summary_large_image"]
        image = local(site, meta["og:image"][0])
        assert image.is_file() and image.stat().st_size <= 60_000, (page, image)
        assert meta["twitter:image"] == meta["og:image"] and meta["og:image:alt"][0]


def test_each_credential_has_its_own_preview_image_with_its_title(site):
    for lang, root in (("fr", site), ("en", site / "en")):
        meta = metas(head_of(root / "mc" / "full-record" / "index.html"))
        image = local(site, meta["og:image"][0])
        assert image.parent == root / "mc" / "full-record"
        with Image.open(image) as picture:
            assert picture.format == "PNG" and picture.size == (1200, 630)
        title = {"fr": "Soins de base en santé", "en": "Basic health care"}[lang]
        assert meta["og:title"] == [title] and meta["og:image:alt"][0].startswith(title)
    french = metas(head_of(site / "mc/full-record/index.html"))["og:image:alt"][0]
    assert "Collège St. Lawrence" in french and "1\u00a0000\u00a0$" in french


def test_every_page_links_its_french_and_english_copies_and_x_default(site):
    for page in canonical_pages(site):
        links = {link.get("hreflang"): link.get("href") for link in head_of(page).iter("link") if link.get("hreflang")}
        assert set(links) == {"fr-CA", "en-CA", "x-default"}, page
        assert links["x-default"] == links["fr-CA"]
        assert not links["fr-CA"].startswith(SITE_URL + "en/") and links["en-CA"].startswith(SITE_URL + "en/")
        assert page in (local(site, links["fr-CA"]), local(site, links["en-CA"]))
        for href in links.values():
            assert local(site, href).is_file(), (page, href)


def test_the_theme_finds_a_sitemap_beside_every_alternate_link(site):
    """Material fetches sitemap.xml relative to each <link rel=alternate> (language or feed)."""
    for page in canonical_pages(site):
        for link in head_of(page).iter("link"):
            if link.get("rel") == "alternate":
                sitemap = local(site, urljoin(link.get("href"), "sitemap.xml"))
                assert sitemap.is_file(), (page, link.get("href"))
                ET.parse(sitemap)


def test_values_from_the_data_are_escaped_in_the_head(site):
    for root, title, preview in (
        (site, "Soins & « sécurité » <3 > 'tout' \"net\"", "Soins & «\u00a0sécurité\u00a0» <3 > 'tout' \"net\""),
        (site / "en", "Care & \"safety\" <3 > 'all' =SUM(A1)", "Care & \"safety\" <3 > 'all' =SUM(A1)"),
    ):
        page = root / "mc" / "hostile-quotes" / "index.html"
        head = head_of(page)
        # a link preview shows the French title with its no-break spaces (typography.py)
        assert metas(head)["og:title"] == [preview] and metas(head)["twitter:title"] == [preview]
        (course,) = [json.loads(s.text) for s in head.iter("script") if s.get("type") == "application/ld+json"]
        # the record's title, with the same no-break spaces as the preview
        assert course["name"] == preview and course["name"].replace("\u00a0", " ") == title
        raw = page.read_text(encoding="utf-8")
        script = raw[raw.index('<script type="application/ld+json">') :].split("</script>")[0]
        assert "<3" not in script.split(">", 1)[1] and "\\u003c3" in script and "\\u0026" in script


def jsonld_of(page: Path) -> list[dict]:
    return [json.loads(s.text) for s in head_of(page).iter("script") if s.get("type") == "application/ld+json"]


def assert_schema_org_terms(document: dict) -> None:
    """Expand offline with a shipped context; every type and property must be schema.org's,
    each property used on a type it belongs to."""
    vocabulary = json.loads((SCHEMAORG / "vocabulary.json").read_text(encoding="utf-8"))
    context = json.loads((SCHEMAORG / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert document["@context"] == "https://schema.org"
    expanded = jsonld.expand({**document, "@context": context})

    def ancestors(type_name: str) -> set[str]:
        names = set()
        while type_name:
            names.add(type_name)
            type_name = vocabulary["types"][type_name]
        return names

    def check(node: dict) -> None:
        (type_iri,) = node["@type"]
        type_name = type_iri.removeprefix("https://schema.org/")
        assert type_name in vocabulary["types"], type_iri
        for key, values in node.items():
            if key.startswith("@"):
                continue
            prop = key.removeprefix("https://schema.org/")
            assert key.startswith("https://schema.org/") and prop in vocabulary["properties"], key
            assert ancestors(type_name) & set(vocabulary["properties"][prop]), f"{prop} on {type_name}"
            for value in values:
                if "@type" in value:
                    check(value)

    for node in expanded:
        check(node)


def test_each_credential_page_describes_a_schema_org_course(site):
    for root in (site, site / "en"):
        for page in sorted((root / "mc").glob("*/index.html")):
            if 'http-equiv="refresh"' in page.read_text(encoding="utf-8"):
                continue
            (course,) = jsonld_of(page)
            assert_schema_org_terms(course)
            # Google's required properties for Course rich results
            assert course["@type"] == "Course" and course["name"] and course["description"]
            assert course["provider"]["@type"] == "EducationalOrganization" and course["provider"]["name"]
            assert local(site, course["url"]) == page


def test_the_course_says_what_the_record_says_and_leaves_out_the_unknown(site):
    (full,) = jsonld_of(site / "en/mc/full-record/index.html")
    assert full["offers"] == {
        "@type": "Offer",
        "category": "Paid",
        "price": 1000,
        "priceCurrency": "CAD",
        "description": "Textbook included",
    }
    assert full["timeRequired"] == "PT45H" and full["inLanguage"] == ["fr", "en"]
    assert full["educationalCredentialAwarded"]["credentialCategory"] == "Digital badge"
    assert full["hasCourseInstance"] == [
        {"@type": "CourseInstance", "courseMode": "Blended", "courseWorkload": "PT45H", "startDate": "2027-01-11"},
        {"@type": "CourseInstance", "courseMode": "Blended", "courseWorkload": "PT45H", "startDate": "2027-05-03"},
    ]
    (starter,) = jsonld_of(site / "en/mc/free-starter/index.html")
    assert starter["offers"]["price"] == 0 and starter["offers"]["category"] == "Free"
    for unknown in ("timeRequired", "inLanguage", "educationalCredentialAwarded", "hasCourseInstance"):
        assert unknown not in starter
    no_cost = shipped_example("leaves out its cost", lambda c: c.cost_amount is None and c.cost_note is None)
    (unknown_cost,) = jsonld_of(site / "en" / no_cost / "index.html")
    assert "offers" not in unknown_cost  # its cost is not known


def test_group_pages_list_their_credentials_as_an_item_list(site):
    groups = [*sorted((site / "en/browse").glob("*/*/index.html")), site / "en/browse/free/index.html"]
    assert len(groups) > 20
    for page in groups:
        if 'class="mc-card"' not in page.read_text(encoding="utf-8"):  # an empty group advertises no list
            assert jsonld_of(page) == [], page  # and no feed of its own (the site's feeds stay)
            assert not any(href.endswith("/feed.xml") for href in feed_links(page).values()), page
            assert not (page.parent / "feed.xml").exists(), page
            assert '<meta name="robots" content="noindex">' in page.read_text(encoding="utf-8"), page
            continue
        (item_list,) = jsonld_of(page)
        assert_schema_org_terms(item_list)
        assert item_list["@type"] == "ItemList"
        html = html_document(page.read_text(encoding="utf-8"))
        cards = [
            urljoin(item_list["url"], a.get("href"))
            for a in html.iter("a")
            if "/mc/" in urljoin(item_list["url"], a.get("href") or "")
        ]
        listed = [item["url"] for item in item_list["itemListElement"]]
        assert listed == list(dict.fromkeys(cards)), page
        assert [item["position"] for item in item_list["itemListElement"]] == list(range(1, len(listed) + 1))
        assert item_list["numberOfItems"] == len(listed)


def feed_links(page: Path) -> dict[str, str]:
    return {
        link.get("title"): link.get("href")
        for link in head_of(page).iter("link")
        if link.get("rel") == "alternate" and link.get("type") == "application/atom+xml"
    }


def assert_valid_atom(path: Path, lang: str) -> ET.Element:
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    assert parsed.version == "atom10"
    feed = ET.parse(path).getroot()
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == {"fr": "fr-CA", "en": "en-CA"}[lang]
    for required in ("id", "title", "updated", "author/" + ATOM + "name"):  # RFC 4287, 4.1.1
        assert feed.find(ATOM + required) is not None and feed.find(ATOM + required).text, (path, required)
    assert feed.find(ATOM + "link[@rel='self']").get("href") == feed.find(ATOM + "id").text
    ids = []
    for entry in feed.findall(ATOM + "entry"):
        for required in ("id", "title", "updated", "summary"):  # 4.1.2
            assert entry.find(ATOM + required).text, (path, required)
        assert entry.find(ATOM + "link[@rel='alternate']").get("href").startswith(SITE_URL)
        ids.append(entry.find(ATOM + "id").text)
    assert len(ids) == len(set(ids))
    return feed


def test_the_home_page_links_the_new_and_changed_feeds_in_its_language(site):
    for lang, root in (("fr", site), ("en", site / "en")):
        links = feed_links(root / "index.html")
        assert len(links) == 2
        new, changed = (assert_valid_atom(local(site, href), lang) for href in links.values())
        entries = new.findall(ATOM + "entry")
        added = [e.find(ATOM + "published").text for e in entries]
        assert added == sorted(added, reverse=True)
        by_id = {e.find(ATOM + "id").text: e for e in entries}
        hostile = by_id[SITE_URL + ("en/" if lang == "en" else "") + "mc/hostile-quotes/"]
        assert hostile.find(ATOM + "published").text == "2026-11-02T00:00:00Z"
        titles = [e.find(ATOM + "title").text for e in entries]
        assert "Discontinued" not in " ".join(titles) and all("closed" not in t for t in titles)
        updated = [e.find(ATOM + "updated").text for e in changed.findall(ATOM + "entry")]
        assert updated == sorted(updated, reverse=True)


def test_sector_pathway_region_and_free_pages_have_their_own_feed(site):
    pages = [
        *sorted((site / "en/browse/sectors").glob("*/index.html")),
        *sorted((site / "browse/pathways").glob("*/index.html")),
        *sorted((site / "en/browse/regions").glob("*/index.html")),
        *sorted((site / "browse/campus").glob("*/index.html")),
        site / "browse/free/index.html",
    ]
    pages = [page for page in pages if 'class="mc-card"' in page.read_text(encoding="utf-8")]  # empty: no feed
    assert len(pages) > 10
    for page in pages:
        (href,) = feed_links(page).values()
        feed = assert_valid_atom(local(site, href), language_of(site, page))
        in_feed = {e.find(ATOM + "link").get("href") for e in feed.findall(ATOM + "entry")}
        (item_list,) = jsonld_of(page)
        assert in_feed == {item["url"] for item in item_list["itemListElement"]}, page


def test_the_sitemap_lists_canonical_pages_only_with_both_languages(site):
    urls = ET.parse(site / "sitemap.xml").getroot().findall(SITEMAP + "url")
    locations = [u.find(SITEMAP + "loc").text for u in urls]
    assert len(locations) == len(set(locations)) == len(canonical_pages(site))
    assert {local(site, loc) for loc in locations} == set(canonical_pages(site))
    assert not any("old-health-care" in loc for loc in locations)  # an alias: a redirect
    assert not any("closed-course" in loc for loc in locations)  # discontinued
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(XHTML + "link")}
        assert set(alternates) == {"fr-CA", "en-CA", "x-default"}
        assert url.find(SITEMAP + "loc").text in alternates.values()


def generated_outputs(project: Path) -> dict[Path, int]:
    docs, drawings = project / "docs", project / DRAWINGS_FOLDER
    files = [
        *drawings.glob("mc/*/*.png"),
        *drawings.glob("share/*"),
        *docs.glob("share/*"),
        *docs.glob("browse/**/*.xml"),
    ]
    return {path: path.stat().st_mtime_ns for path in files}


def test_a_rebuild_with_unchanged_data_rewrites_no_image_or_feed(sharing_build, tmp_path):
    project, site = sharing_build
    before = generated_outputs(project)
    assert len([p for p in before if p.suffix == ".png"]) > 20 and len([p for p in before if p.suffix == ".xml"]) > 20
    feeds_before = {p: p.read_bytes() for p in site.rglob("feed.xml")}
    # Its pages were each compared with the theme's rendering in the first build (conftest.py).
    result = mkdocs_build(project, tmp_path / "again", site_url=SITE_URL, compare_filled_pages=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert generated_outputs(project) == before
    for path, content in feeds_before.items():
        assert (tmp_path / "again" / path.relative_to(site)).read_bytes() == content


def test_a_changed_title_draws_a_new_preview_and_drops_the_old_one(sharing_build, tmp_path):
    project = tmp_path / "project"  # the shared build's project, with the previews it drew
    shutil.copytree(sharing_build[0], project, symlinks=True)
    record = project / "data" / "credentials" / "full-record.yml"
    old = set((project / DRAWINGS_FOLDER / "mc/full-record").glob("*.png"))
    record.write_text(record.read_text(encoding="utf-8").replace("Basic health care", "Basic care"), encoding="utf-8")
    assert mkdocs_build(project, tmp_path / "two", site_url=SITE_URL, compare_filled_pages=False).returncode == 0
    new = set((project / DRAWINGS_FOLDER / "mc/full-record").glob("*.png"))
    french = {p for p in new if p.name.endswith(".fr.png")}
    assert french == {p for p in old if p.name.endswith(".fr.png")}  # the French title did not change
    assert len(new) == 2 and new != old
    meta = metas(head_of(tmp_path / "two/en/mc/full-record/index.html"))
    assert urlparse(meta["og:image"][0]).path.endswith((new - french).pop().name.replace(".en.png", ".png"))
    with Image.open(io.BytesIO((new - french).pop().read_bytes())) as picture:
        assert picture.size == (1200, 630)


def test_the_json_export_follows_its_published_schema_and_keeps_every_record(site):
    schema = json.loads((site / "share/catalogue.schema.json").read_text(encoding="utf-8"))
    export = json.loads((site / "share/catalogue.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(export)
    assert export["version"] == "1.0" and export["$schema"] == SITE_URL + "share/catalogue.schema.json"
    records = {c["id"]: c for c in export["credentials"]}
    shipped = {p.stem for p in (PROJECT / "data" / "credentials").glob("*.yml")}
    assert set(records) == shipped | {"full-record", "free-starter", "closed-course", "hostile-quotes"}
    assert records["closed-course"]["status"] == "discontinued"
    assert records["hostile-quotes"]["title"]["fr"] == "Soins & « sécurité » <3 > 'tout' \"net\""
    full = records["full-record"]
    assert full["cost_cad"] == 1000 and full["hours"] == 45 and full["intake"]["dates"] == ["2027-01-11", "2027-05-03"]
    assert full["page"] == {"fr": SITE_URL + "mc/full-record/", "en": SITE_URL + "en/mc/full-record/"}
    assert records["free-starter"]["hours"] is None  # unknown stays unknown


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "fr",
            {"title.fr": "Titre (français)", "source_date": "Date de la source", "verified": "Date de vérification"},
        ),
        ("en", {"title.fr": "Title (French)", "source_date": "Source date", "verified": "Date checked"}),
    ],
)
def test_each_language_has_a_csv_table_with_its_headers_and_labels_and_no_formulas(site, lang, words):
    raw = (site / f"share/catalogue-{lang}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte order mark Excel needs to read UTF-8
    headers, keys, *cells = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert {key: headers[keys.index(key)] for key in words} == words  # readable headers, then the keys import reads
    rows = [dict(zip(keys, row, strict=True)) for row in cells]
    by_id = {row["id"]: row for row in rows}
    assert len(rows) == len(by_id) == len(json.loads((site / "share/catalogue.json").read_bytes())["credentials"])
    hostile = by_id["hostile-quotes"]
    assert hostile["title.fr"] == "Soins & « sécurité » <3 > 'tout' \"net\""
    assert hostile["summary.en"].startswith("'=HYPERLINK(")  # shown as text, never run
    full = by_id["full-record"]
    assert (full["title.fr"], full["title.en"]) == ("Soins de base en santé", "Basic health care")
    assert full["cost.amount"] == "1000" and full["intake"] == "2027-01-11; 2027-05-03"
    expected_regions = (
        ("Est de l'Ontario", "Nord de l'Ontario") if lang == "fr" else ("Eastern Ontario", "Northern Ontario")
    )
    assert (full["regions.1"], full["regions.2"]) == expected_regions
    assert full["page"] == SITE_URL + ("en/" if lang == "en" else "") + "mc/full-record/"
    assert full["source.fr"].startswith("https://") and full["verified"]  # the source and its dates
    for row in rows:
        assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values()), row["id"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_importing_the_published_csv_changes_no_record(sharing_build, lang, capsys):
    project, site = sharing_build
    records = {path: path.read_bytes() for path in (project / "data/credentials").glob("*.yml")}
    assert main(["import", str(site / f"share/catalogue-{lang}.csv")], project_root=project) == 0
    assert f"0 added, 0 updated, {len(records)} unchanged" in capsys.readouterr().out
    assert {path: path.read_bytes() for path in (project / "data/credentials").glob("*.yml")} == records


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_cell_that_would_start_a_formula_is_kept_as_text(value):
    assert safe_cell(value) == "'" + value
    assert safe_cell("Soins = santé") == "Soins = santé" and safe_cell(None) == ""


def test_each_language_has_a_calendar_of_start_dates_with_stable_ids(site):
    for lang, root, summary in (
        ("fr", site, "Début\u00a0: Soins de base en santé"),
        ("en", site / "en", "Starts: Basic health care"),
    ):
        calendar = Calendar.from_ical((root / "share/intakes.ics").read_bytes())
        events = calendar.walk("VEVENT")
        uids = [str(e["UID"]) for e in events]
        assert len(uids) == len(set(uids))
        full = {str(e["UID"]): e for e in events if "full-record" in str(e["UID"])}
        assert set(full) == {"full-record-2027-01-11@reseau.example.ca", "full-record-2027-05-03@reseau.example.ca"}
        event = full["full-record-2027-01-11@reseau.example.ca"]
        assert str(event["SUMMARY"]) == summary and event.decoded("DTSTART") == date(2027, 1, 11)
        assert str(event["URL"]) == SITE_URL + ("en/" if lang == "en" else "") + "mc/full-record/"
        assert event.decoded("DTSTAMP") == datetime(2026, 11, 20, tzinfo=UTC)  # the record's date, not the build's
        assert not any("closed-course" in uid for uid in uids)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_share_and_about_pages_link_the_feeds_exports_and_calendar(site, lang):
    root = site / "en" if lang == "en" else site
    for name in ("links", "about"):
        page = root / name / "index.html"
        links = {
            urljoin(SITE_URL + page.parent.relative_to(site).as_posix() + "/", a.get("href") or "")
            for a in html_document(page.read_text(encoding="utf-8")).iter("a")
        }
        language_root = SITE_URL + ("en/" if lang == "en" else "")
        for target in ("share/catalogue.json", f"share/catalogue-{lang}.csv", "share/catalogue.schema.json"):
            assert language_root + target in links, (page, target)
        if name == "links":
            for target in ("share/intakes.ics", "share/new.xml", "share/changed.xml", "browse/free/feed.xml"):
                assert language_root + target in links, (page, target)
            # the page names the share box's buttons with the words the box shows
            words = yaml.safe_load((PROJECT / "overrides/locales/catalogue.yml").read_text(encoding="utf-8"))
            text = page.read_text(encoding="utf-8")
            for key in ("share_title", "share_copy_link", "share_copy_text", "share_email", "share_copied_link"):
                assert words[key][lang] in text, key
        for href in links:
            if href.startswith(SITE_URL + "share/") or href.startswith(SITE_URL + "en/share/"):
                assert local(site, href).is_file(), href
