"""data/providers.yml: each provider's id, type and region, checked."""

from __future__ import annotations

from ..model import records
from ..model.catalogue import Provider
from .data_file import DataFile
from .known_keys import KnownKeys


def check_providers(file: DataFile, known: KnownKeys) -> dict[str, Provider] | None:
    """The providers, or None when the file is broken; their ids are learnt into `known` either way."""
    if not isinstance(file.data, dict):
        return None
    known.providers = set(file.data)
    for provider_id, raw in file.data.items():
        file.check_reserved((provider_id,), provider_id)
        if isinstance(raw, dict):
            known.check_term(file, (provider_id, "type"), raw.get("type"), "provider_types", "a provider type")
            known.check_term(file, (provider_id, "region"), raw.get("region"), "regions", "a region")
    if not file.valid:
        return None
    return {provider_id: records.provider(provider_id, raw) for provider_id, raw in file.data.items()}
