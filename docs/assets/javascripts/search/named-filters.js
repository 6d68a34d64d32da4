/* The filters a learner's words name (« gratuit », "online", « en ligne »): query.js takes those
 * words out of the search and catalogue-data.js applies their filters as if ticked. This says
 * which words they were, so the page can take them out again ("remove this filter"). */

import { foldedWords } from "./text.js";

/* Whether `text` (a word or two) names the filter `param` = `key` in `index`. */
function names(text, index, param, key) {
  const phrase = foldedWords(text, index.separator).join(" ");
  const named = Object.hasOwn(index.filterWords, phrase) ? index.filterWords[phrase] : null;
  return named !== null && named[0] === param && named[1] === key;
}

/* The words typed without those that name the filter `param` = `key` (a two-word phrase first,
 * as query.js reads them). */
export function withoutNamingWords(text, index, param, key) {
  const words = text.split(/\s+/).filter(Boolean);
  const kept = [];
  for (let position = 0; position < words.length; position++) {
    const pair = words.slice(position, position + 2).join(" ");
    if (position + 1 < words.length && names(pair, index, param, key)) {
      position++;
      continue;
    }
    if (!names(words[position], index, param, key)) kept.push(words[position]);
  }
  return kept.join(" ");
}
