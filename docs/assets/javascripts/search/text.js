/* How text becomes search words: the browser's copy of hooks/microcredential_catalogue/search/text.py.
 * The separator and the stop words travel in the index manifest, so they are written once. */

export function foldAccents(text) {
  return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
}

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/* The words of a text, folded and trimmed; none is too short ("IA", "RN"). */
export function foldedWords(text, separator) {
  return text.split(separator).map((word) => foldAccents(word).replace(EDGE_PUNCTUATION, ""))
    .filter(Boolean);
}

/* The stemmer of a language, from lunr (English Porter) and lunr-languages (French Snowball):
 * the same algorithms the build uses. `lunr` is passed in, so node tests can give their own. */
export function stemmerFor(lang, lunr) {
  const cache = new Map();
  const stemToken = lang === "fr" ? lunr.fr.stemmer : lunr.stemmer;
  return (word) => {
    let stem = cache.get(word);
    if (stem === undefined) {
      stem = stemToken(new lunr.Token(word)).toString();
      cache.set(word, stem);
    }
    return stem;
  };
}

/* A sentence of the page with its {name} filled in. Never String.replace with the value itself:
 * a label or typed words holding "$&", "$'" or "$`" would be read as a replacement pattern. */
export function fill(sentence, name, value) {
  return sentence.split("{" + name + "}").join(String(value));
}
