"""How text becomes search words, the same at build time and in the browser.

docs/assets/javascripts/search/text.js is the browser's copy of these rules: fold accents and
case, split on SEPARATOR, trim punctuation at both ends, drop stop words, stem. The stemmers are
the ones the browser has too (lunr's Porter stemmer for English, Snowball for French, which
lunr-languages ports), so a typed word and an indexed word reach the same stem.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from lunr.stemmer import stemmer as _porter
from lunr.stop_word_filter import WORDS as ENGLISH_STOP_WORDS
from lunr.token import Token

# Words split on spaces, hyphens, apostrophes (d'électricité -> d, électricité), slashes and
# the punctuation a sentence carries (commas, brackets, « », full stops between words).
SEPARATOR = r"[\s\-\u2010-\u2015'\u2018\u2019\u02bc/,;:()\[\]«»\x22“”!?]+"

# lunr-languages' French list (Snowball's), folded below like every indexed word.
FRENCH_STOP_WORDS = """
ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions aurons
auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce ceci celà ces cet
cette d dans de des du elle en es est et eu eue eues eurent eus eusse eussent eusses eussiez
eussions eut eux eûmes eût eûtes furent fus fusse fussent fusses fussiez fussions fut fûmes fût
fûtes ici il ils j je l la le les leur leurs lui m ma mais me mes moi mon même n ne nos notre nous
on ont ou par pas pour qu que quel quelle quelles quels qui s sa sans se sera serai seraient serais
serait seras serez seriez serions serons seront ses soi soient sois soit sommes son sont soyez
soyons suis sur t ta te tes toi ton tu un une vos votre vous y à étaient étais était étant étiez
étions été étée étées étés êtes
""".split()

_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_SEPARATOR = re.compile(SEPARATOR)


_COMBINING_MARKS = re.compile("[\u0300-\u036f]")


@lru_cache(maxsize=65536)  # an index folds the same words again and again, record after record
def fold_accents(text: str) -> str:
    """« Sécurité » -> « securite »; text.js applies the same rule to what a reader types."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = _COMBINING_MARKS.sub("", decomposed)
    return stripped.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")


def words(text: str) -> list[str]:
    """The words of a text as written (not folded)."""
    return [w for w in _SEPARATOR.split(text) if w]


def folded_words(text: str) -> list[str]:
    """The words of a text, folded and trimmed; no word is too short (IA, RN, 4.0)."""
    return [folded for folded in map(_folded_word, _SEPARATOR.split(text)) if folded]


@lru_cache(maxsize=65536)  # the same words, record after record: each folded and trimmed once
def _folded_word(word: str) -> str:
    """One word folded, its punctuation at both ends trimmed ('' when nothing is left)."""
    return _EDGE_PUNCTUATION.sub("", fold_accents(word))


# Words a learner adds to a sentence that say what every record is ("a short course", « une
# formation courte »): dropped from a query that has other words, so they never outrank the words
# that say what the learner wants; alone, they are looked up like any word. Folded, as typed.
FILLER_WORDS = {
    "fr": frozenset(
        """
        formation formations cours court courte courts courtes programme programmes microcertification
        microcertifications certification certifications certificat certificats attestation
        apprendre suivre cherche veux voudrais aimerais trouver
        """.split()
    ),
    "en": frozenset(
        """
        course courses short program programs programme programmes training class classes
        microcredential microcredentials micro credential credentials certificate certificates
        certification certifications learn want looking find
        """.split()
    ),
}

STOP_WORDS = {
    "fr": frozenset(fold_accents(w) for w in FRENCH_STOP_WORDS),
    "en": frozenset(ENGLISH_STOP_WORDS),
}
_french = snowballstemmer.stemmer("french")


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """A folded word's stem; cached because the same few thousand words recur in every record."""
    if lang == "fr":
        return _french.stemWord(word)
    return str(_porter(Token(word)))
