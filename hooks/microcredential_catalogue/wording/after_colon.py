"""How a label reads after a colon: in French it takes no capital there unless it is a name
(« Coût : gratuit », « Établissement : Collège Boréal »)."""

from __future__ import annotations

from ..model.facets import NOT_SPECIFIED

# Facets whose groups are named by proper nouns: a provider, a region of Ontario.
NAMED_FACETS = frozenset({"providers", "regions", "campus"})


def lowercase_first(text: str) -> str:
    """« Secteur » → « secteur »; an acronym (« RAFEO ») keeps its capitals."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def group_label_after_colon(facet: str, key: str, label: str, lang: str) -> str:
    """A group's label as a page or feed title says it after the facet's name and a colon."""
    if lang != "fr" or (facet in NAMED_FACETS and key != NOT_SPECIFIED):
        return label
    return lowercase_first(label)


def group_title(text, facet: str, group, lang: str) -> str:
    """The title of a group's page and feed, « Coût : gratuit »; `text` gives the site's words.
    A "not known" group's label already names its facet (« Prix inconnu »): it is said alone,
    not after the facet's name again."""
    if group.key == NOT_SPECIFIED:
        return group.label[lang]
    label = group_label_after_colon(facet, group.key, group.label[lang], lang)
    return text("group_title", lang, facet=text(f"facet_{facet}", lang), group=label)
