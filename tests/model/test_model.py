"""The model refuses what would otherwise show the wrong language silently."""

import pytest
from microcredential_catalogue.model.catalogue import Bilingual


def test_a_bilingual_text_gives_each_language_its_own_words():
    text = Bilingual(fr="Soudage", en="Welding")
    assert (text["fr"], text["en"]) == ("Soudage", "Welding")


def test_a_bilingual_text_refuses_a_language_it_does_not_have():
    # Before, any unknown code silently gave the English text (a French page could show English).
    with pytest.raises(KeyError, match="'de'"):
        Bilingual(fr="Soudage", en="Welding")["de"]
