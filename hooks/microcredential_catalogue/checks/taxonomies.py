"""data/taxonomies.yml: the vocabularies and bands the facet registry declares, checked."""

from __future__ import annotations

from ..model import records
from ..model.catalogue import Taxonomies
from ..model.facets import Facets
from ..reading.problems import Said
from .data_file import DataFile
from .known_keys import KnownKeys
from .ranges import band_problems


def check_taxonomies(file: DataFile, facets: Facets, known: KnownKeys) -> Taxonomies | None:
    """The taxonomies, or None when the file is broken; its keys are learnt into `known` either way."""
    for vocabulary in records.vocabularies(facets):
        terms = file.mapping.get(vocabulary)
        if isinstance(terms, dict) and terms:  # an empty one is the schema's to report, once
            known.terms[vocabulary] = set(terms)
            for key in terms:
                file.check_reserved((vocabulary, key), key)
    for band_list in facets.band_lists:
        _check_band_keys(file, band_list)
    for facet in facets.band_facets:
        bands = file.mapping.get(facet.bands)
        if isinstance(bands, list) and all(isinstance(band, dict) for band in bands):
            for found in band_problems(facet, bands):
                file.problem((facet.bands, found.position, *([found.field] if found.field else [])), found.message)
    return records.taxonomies(file.data, facets) if file.valid else None


def _check_band_keys(file: DataFile, band_list: str) -> None:
    bands = file.mapping.get(band_list) if isinstance(file.mapping.get(band_list), list) else []
    keys = [band.get("key") if isinstance(band, dict) else None for band in bands]
    for position, key in enumerate(keys):
        path = (band_list, position, "key")
        if isinstance(key, str) and keys.index(key) != position:
            file.problem(
                path,
                Said(
                    en=f"the key {key!r} is used twice: keep one, or rename the other",
                    fr=f"la clé {key!r} est employée deux fois : gardez-en une, ou renommez l'autre",
                ),
            )
        elif isinstance(key, str):
            file.check_reserved(path, key)
