"""schema.org structured data (JSON-LD) for search engines: a Course per credential, an
ItemList per group page. A fact the record leaves out is left out here too, never guessed."""

from __future__ import annotations

import json

from ..model.catalogue import Catalogue, Credential

# schema.org's courseMode is free text; Google documents these three values.
COURSE_MODES = {"online": "Online", "hybrid": "Blended", "in-person": "Onsite"}


def course(
    credential: Credential, lang: str, url: str, catalogue: Catalogue, description: str, image: str = ""
) -> dict:
    """`description`: the summary and the key facts, as the page words them (wording/facts.py);
    `image`: the absolute URL of its preview image."""
    provider = catalogue.providers[credential.provider]
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": f"{url}#course",
        "url": url,
        "name": credential.title[lang],
        "description": description,
        "provider": {"@type": "EducationalOrganization", "name": provider.name[lang], "url": provider.url},
        "datePublished": credential.added.iso(),  # the day the record entered the catalogue
        **({"image": image} if image else {}),
        **_known_facts(credential, lang, catalogue),
    }
    instances = _instances(credential)
    if instances:
        data["hasCourseInstance"] = instances
    return data


def _known_facts(credential: Credential, lang: str, catalogue: Catalogue) -> dict:
    """Each property the record knows; nothing for what it leaves out."""
    data = {}
    if credential.languages:
        languages = list(credential.languages)
        data["inLanguage"] = languages if len(languages) > 1 else languages[0]
        data["availableLanguage"] = languages
    offer = _offer(credential, lang)
    if offer:
        data["offers"] = offer
    if credential.hours is not None:
        data["timeRequired"] = f"PT{credential.hours}H"
    if credential.funding:
        data["financialAidEligible"] = [catalogue.taxonomies.label("funding", key, lang) for key in credential.funding]
    if credential.prerequisites:
        data["coursePrerequisites"] = credential.prerequisites[lang]
    if credential.award:
        data["educationalCredentialAwarded"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": catalogue.taxonomies.label("award_types", credential.award.type, lang),
        }
    return data


def _offer(credential: Credential, lang: str) -> dict | None:
    """The price when the total is known (category Free or Paid); the cost note as the offer's
    description; no category where only a note is known (it may be per module, or an estimate)."""
    note = {"description": credential.cost_note[lang]} if credential.cost_note else {}
    if credential.cost_amount is None:
        return {"@type": "Offer", **note} if note else None
    return {
        "@type": "Offer",
        "category": "Free" if credential.is_free else "Paid",
        "price": _number(credential.cost_amount),
        "priceCurrency": "CAD",
        **note,
    }


def _instances(credential: Credential) -> list[dict]:
    """One instance per known start date; with none known, one that says how it is taught and its
    workload, when either is known."""
    mode = COURSE_MODES.get(credential.delivery or "")
    base = {"@type": "CourseInstance", **({"courseMode": mode} if mode else {})}
    if credential.hours is not None:
        base["courseWorkload"] = f"PT{credential.hours}H"  # the whole course's notional hours
    if credential.intake_dates:
        return [{**base, "startDate": start.isoformat()} for start in credential.intake_dates]
    return [base] if len(base) > 1 else []


def item_list(name: str, url: str, items: list[tuple[str, str]]) -> dict:
    """A list page: (name, absolute URL) of each credential, in the order the page shows them."""
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "@id": f"{url}#list",
        "url": url,
        "name": name,
        "numberOfItems": len(items),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "url": item_url, "name": item_name}
            for position, (item_name, item_url) in enumerate(items, start=1)
        ],
    }


def script_json(data: dict) -> str:
    """JSON that can sit inside <script type="application/ld+json"> whatever the data holds:
    no "</script>", no "<!--", no character an HTML parser treats specially."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
