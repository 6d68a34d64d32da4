/* Never a bare dead end (issue 25): on an empty list, the panel the page holds (catalogue.html,
 * data-dead-end) says which words found nothing, offers the nearest known words (from the
 * build's vocabulary file, loaded only then) and a button per filter to remove; the groups to
 * browse are already in it. Every word shown is set as text, never as markup. */

import { fill } from "./text.js";
import { nearestWords } from "./query.js";

export class DeadEnd {
  /* `vocabulary()` resolves with the vocabulary file (asked for once, on the first empty list). */
  constructor(root, strings, vocabulary) {
    this.panel = root.querySelector("[data-dead-end]");
    this.strings = strings;
    this.vocabulary = vocabulary;
    this.shown = 0; // which answer the panel belongs to: a late vocabulary never fills an old one
  }

  hide() {
    this.shown++;
    if (this.panel) this.panel.hidden = true;
  }

  /* `unfound`: the words that found nothing; `filters`: [param, key] of every filter on (ticked or
   * named by the words); `label(param, key)` its name; `onSuggest(word, shown)` puts a nearest
   * word in the box, `onRemove(param, key)` takes a filter off. */
  show({ unfound, filters, label, onSuggest, onRemove }) {
    if (!this.panel) return;
    const answer = ++this.shown;
    const strings = this.strings;
    this.panel.querySelector("[data-unfound]").replaceChildren(...unfound.map((word) => {
      const item = document.createElement("li");
      item.textContent = fill(strings.unfound, "word", word);
      return item;
    }));
    const removing = this.panel.querySelector("[data-remove-filters]");
    removing.querySelector("[data-filter-buttons]").replaceChildren(...filters.map(([param, key]) => {
      const name = label(param, key);
      return button(fill(strings.remove_filter, "label", name), () => onRemove(param, key), { filter: param, key });
    }));
    removing.hidden = filters.length === 0;
    const suggest = this.panel.querySelector("[data-suggest]");
    suggest.hidden = true;
    this.panel.hidden = false;
    if (!unfound.length) return;
    this.vocabulary().then((vocabulary) => {
      if (answer !== this.shown) return;
      const buttons = [];
      for (const word of unfound) {
        for (const shown of nearestWords(word, vocabulary)) {
          buttons.push(button(fill(strings.suggestion, "word", shown), () => onSuggest(word, shown), { word: shown }));
        }
      }
      suggest.querySelector("[data-suggestions]").replaceChildren(...buttons);
      suggest.hidden = buttons.length === 0;
    }).catch((error) => console.error(error)); // the rest of the panel stands without suggestions
  }
}

function button(text, onClick, data) {
  const node = document.createElement("button");
  node.type = "button";
  node.className = "md-button mc-dead-end__button";
  node.textContent = text;
  Object.assign(node.dataset, data);
  node.addEventListener("click", onClick);
  return node;
}
