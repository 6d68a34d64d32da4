/* What the catalogue page shows: result cards, counts, status, notices. The only file here that
 * touches the document. No word of the interface is written here: labels are in the page, from
 * the data and the locale file. A card is a clone of the page's <template>, rendered from
 * overrides/catalogue/_card.html like every card of the site. */

import { fill } from "./text.js";

const PAGE_SIZE = 20; // as search_index.FIRST_PAGE: the cards the page's HTML holds
// Counts are whole numbers, grouped as fr-CA and en-CA write them (formatting.number in the
// build): Intl.NumberFormat gives the same, but loading its locale data cost 15 to 40 ms.
const GROUP_SEPARATOR = { fr: "\u00a0", en: "," };

export function formatCount(n, separator) {
  return String(n).replace(/\B(?=(\d{3})+$)/g, () => separator);
}

function sameOrder(a, b) {
  return a.length === b.length && a.every((position, index) => position === b[index]);
}

export class View {
  constructor(root, strings, lang) {
    this.root = root;
    this.strings = strings;
    this.groupSeparator = GROUP_SEPARATOR[lang];
    this.list = root.querySelector("[data-results]");
    this.status = root.querySelector("#mc-status");
    this.moreButton = root.querySelector("[data-more]");
    this.offers = root.querySelector("[data-offers]");
    this.showResults = root.querySelector("[data-show-results]");
    this.template = root.querySelector("template[data-card]");
    this.pageSize = PAGE_SIZE;
    this.cards = new Map(); // record position -> its card, made once and kept
    this.countCells = [];
    this.shown = [];
    this.shownCount = 0;
    this.moreFailed = false; // "Show more" failed and no list or cards came since
    // The cards the page came with are the first records in order: adopt them, do not redo them.
    Array.from(this.list.children).forEach((node, position) => this.cards.set(position, node));
  }

  /* Per checkbox: the slot it counts and the node that shows its number. */
  bindCounts(boxes, slotOf) {
    this.countCells = boxes.map((box) => ({ slot: slotOf(box), node: box.labels[0].querySelector("[data-count]"), shown: -1 }));
  }

  card(record) {
    const node = this.template.content.firstElementChild.cloneNode(true);
    const link = node.querySelector(".mc-card__title a");
    link.textContent = record.title;
    link.href = record.url;
    node.querySelector(".mc-card__provider").textContent = record.provider;
    node.querySelector(".mc-card__summary").textContent = record.summary;
    const tags = node.querySelector(".mc-tags");
    tags.replaceChildren(...record.facts.map((fact) => {
      const item = document.createElement("li");
      item.textContent = fact;
      return item;
    }));
    return node;
  }

  cardOf(position, records) {
    let node = this.cards.get(position);
    if (!node) {
      node = this.card(records[position]);
      this.cards.set(position, node);
    }
    return node;
  }

  /* The first page of results, moving or adding only the cards that differ from those shown. The
   * same results again (the filter counts arriving late) keep the cards "Show more" had added. */
  showFirstPage(positions, records) {
    const same = sameOrder(positions, this.shown);
    this.shown = positions;
    if (!same) this.moreFailed = false;
    const keep = same ? Math.max(this.shownCount, PAGE_SIZE) : PAGE_SIZE;
    const cards = positions.slice(0, keep).map((position) => this.cardOf(position, records));
    cards.forEach((node, index) => {
      const current = this.list.children[index];
      if (current !== node) this.list.insertBefore(node, current || null);
    });
    while (this.list.children.length > cards.length) this.list.removeChild(this.list.lastChild);
    this.shownCount = cards.length;
    this.updateMoreButton();
  }

  /* The records the "more" button would add. */
  nextPage() {
    return this.shown.slice(this.shownCount, this.shownCount + PAGE_SIZE);
  }

  showMore(records) {
    const firstNew = this.shownCount;
    const fragment = document.createDocumentFragment();
    for (const position of this.shown.slice(this.shownCount, this.shownCount + PAGE_SIZE)) {
      fragment.appendChild(this.cardOf(position, records));
    }
    this.list.appendChild(fragment);
    this.shownCount = Math.min(this.shown.length, this.shownCount + PAGE_SIZE);
    this.moreFailed = false;
    if (this.statusText && this.status.textContent !== this.statusText) this.status.textContent = this.statusText;
    this.updateMoreButton();
    return this.list.children[firstNew];
  }

  updateMoreButton() {
    const left = this.shown.length - this.shownCount;
    const text = fill(this.strings.more, "n", this.format(Math.min(left, PAGE_SIZE)));
    this.moreButton.hidden = left === 0;
    if (this.moreButton.textContent !== text) this.moreButton.textContent = text;
  }

  /* Only the numbers that changed are written: each write makes the filter column lay out again. */
  showCounts(counts) {
    for (const cell of this.countCells) {
      const n = counts[cell.slot];
      if (n === cell.shown) continue;
      cell.shown = n;
      cell.node.textContent = "(" + this.format(n) + ")";
    }
  }

  format(n) {
    return formatCount(n, this.groupSeparator);
  }

  countText(n) {
    if (n === 0) return this.strings.count_none;
    if (n === 1) return this.strings.count_one;
    return fill(this.strings.count, "n", this.format(n));
  }

  /* The count, said once by the live region; with the notice when not every word was found. */
  showStatus(n, partial) {
    const text = this.countText(n) + (partial && n ? ". " + this.strings.partial : "");
    const kept = this.moreFailed && text === this.statusText; // the failure stays said until the list changes
    this.statusText = text;
    if (!kept && this.status.textContent !== text) this.status.textContent = text;
    const show = fill(this.strings.show_results, "n", this.format(n));
    if (this.showResults.textContent !== show) this.showResults.textContent = show;
  }

  /* For each filter the words named, as if ticked: "Your words apply the filter “Free”.", and a
   * button that takes those words out; `label(param, key)` reads the checkbox's label. */
  showOffers(offers, label, onRemove) {
    this.offers.replaceChildren(...offers.map(([param, key]) => {
      const line = document.createElement("p");
      line.className = "mc-results__offer";
      line.textContent = fill(this.strings.named, "label", label(param, key)) + " ";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button mc-results__remove";
      button.dataset.filter = param;
      button.dataset.key = key;
      button.textContent = fill(this.strings.remove_filter, "label", label(param, key));
      button.addEventListener("click", () => onRemove(param, key));
      line.append(button);
      return line;
    }));
    this.offers.hidden = offers.length === 0;
  }

  /* On a phone, after ticking a filter: a button to jump past the filters to the results. */
  showResultsButton(narrow) {
    this.showResults.hidden = !narrow;
  }

  showLoading(text) {
    this.moreFailed = false;
    this.status.textContent = text || this.strings.loading;
  }

  /* Said by the live region; the count comes back with the next cards or answer. */
  showMoreFailure() {
    this.moreFailed = true;
    this.status.textContent = this.strings.more_failed;
  }

  showFailure() {
    this.status.textContent = this.strings.failed;
    this.root.querySelector("[data-failed]").hidden = false;
  }
}
