/* The link builder of the "Share a link" page (overrides/catalogue/link_builder.html): the filters
 * ticked give the catalogue's link to that list, the <iframe> code of the embeddable list
 * (embed.js, with embed-host.js for its height) and the link's QR code, drawn here by the vendored
 * qrcode-generator (SVG and PNG): a code for every combination of filters cannot be made in
 * advance. A group page's "Embed this list" link opens the page with its filter in the address
 * (links/?sector=health): those filters start ticked. Search words (q) narrow the list as in the
 * catalogue's box; the builder counts the list with the catalogue's own search and filters
 * (search/catalogue-data.js), and warns when it is empty.
 *
 * Reader-typed text never goes through String.replace (a "$&" in it would be read as a pattern):
 * placeholders are filled with split/join (fill). */

import { qrcode } from "./vendor/qrcode.mjs";
import { queryOf, stateFromQuery } from "./search/url-state.js";
import { bindOptionFinders } from "./search/option-finder.js";
import { evaluate, loadFacets, loadIndex } from "./search/catalogue-data.js";

const QR_CELL = 4; // pixels per module, as the SVG
const QR_MARGIN = 16; // pixels of quiet zone around the code

const root = typeof document === "undefined" ? null : document.getElementById("mc-builder"); // node tests import it
if (root) start(root);

function start(root) {
  const params = Array.from(root.querySelectorAll("[data-filter]"), (fieldset) => fieldset.dataset.filter);
  const boxesOf = (param) => Array.from(root.querySelectorAll('input[type="checkbox"][name="' + param + '"]'));
  const wordsField = root.querySelector("#mc-builder-q");
  const linkField = root.querySelector("#mc-builder-link");
  const snippetField = root.querySelector("#mc-builder-snippet");
  const status = root.querySelector("[data-builder-status]");
  const absolute = (relative) => new URL(relative, location.href).href;
  const maxWords = wordsField.maxLength > 0 ? wordsField.maxLength : 100;
  let sayTimer = 0;
  let counted = 0; // the latest count asked: an older answer arriving late is dropped
  let data = null; // {search, facets} once loaded, for counting
  const feeds = JSON.parse(root.querySelector("[data-builder-feeds]").textContent);

  root.querySelectorAll("[data-needs-js]").forEach((node) => { node.hidden = false; });
  bindOptionFinders(root);

  function say(message) {
    // Emptied first, so the same words said twice are announced twice.
    status.textContent = "";
    window.clearTimeout(sayTimer);
    sayTimer = window.setTimeout(() => { status.textContent = message; }, 50);
  }

  function chosenQuery() {
    const filters = {};
    for (const param of params) filters[param] = new Set(boxesOf(param).filter((box) => box.checked).map((box) => box.value));
    return queryOf(chosenState(filters), params, (param) => boxesOf(param).map((box) => box.value));
  }

  function chosenState(filters) {
    return { q: wordsField.value.trim().slice(0, maxWords), filters };
  }

  function update() {
    showChosen();
    const query = chosenQuery();
    const link = absolute(root.dataset.catalogue) + query;
    const embed = absolute(root.dataset.embed) + query;
    linkField.value = link;
    snippetField.value = snippet(embed, absolute(root.dataset.hostScript), root.dataset.frameTitle);
    root.querySelector("[data-builder-preview]").href = embed;
    showQr(link);
    showFeed();
    count();
  }

  /* The feed of the list chosen: the whole catalogue's new ones (nothing chosen), a group's (one
   * filter), the list two filters make (sharing/combined.py); otherwise the nearest published one,
   * with a note that it may list more than the link: of the feeds holding every result (each of
   * its filters is the only value ticked of its parameter), the one with the fewest credentials. */
  function showFeed() {
    const ticked = params.flatMap((param) => boxesOf(param).filter((box) => box.checked).map((box) => [param, box.value]));
    const words = wordsField.value.trim();
    const { href, filters } = nearestFeed(feeds, ticked);
    const exact = !words && filters.length === ticked.length;
    const link = root.querySelector("[data-builder-feed-link]");
    root.querySelector("[data-builder-feed]").hidden = false;
    root.querySelector("[data-builder-no-feed]").hidden = exact;
    link.href = absolute(href);
    link.type = "application/atom+xml"; // set with its address: a link's type needs an href (HTML)
    link.textContent = exact ? link.dataset.exact : fill(link.dataset.nearest, "filters", describe(filters));
  }

  /* A filter's name as said after « : », where French takes no capital: « secteur », "sector". */
  function legendAfterColon(param) {
    return root.querySelector('[data-filter="' + param + '"] > legend').dataset.afterColon;
  }

  /* Filters in words, as the list chosen says them: "sector (Health) · provider's region (North)". */
  function describe(filters) {
    if (!filters.length) return root.dataset.wholeCatalogue;
    return filters.map(([param, value]) => {
      const box = boxesOf(param).find((candidate) => candidate.value === value);
      if (box && box.dataset.alone) return box.dataset.alone;
      return legendAfterColon(param) + " (" + (box ? box.labels[0].textContent.trim() : value) + ")";
    }).join(" · ");
  }

  /* The QR code of `link`, to see and to download as SVG and PNG; or, for a link too long for
   * any QR code, no code at all (never the previous list's) and a note saying why. */
  function showQr(link) {
    const figure = root.querySelector("[data-builder-qr-figure]");
    const note = root.querySelector("[data-builder-qr-note]");
    const code = qrCode(link);
    figure.hidden = code === null;
    note.hidden = code !== null;
    note.textContent = code === null ? root.dataset.qrTooLong : "";
    const svgLink = root.querySelector("[data-builder-qr-download]");
    const pngLink = root.querySelector("[data-builder-qr-png]");
    const pngPart = root.querySelector("[data-builder-qr-png-part]");
    for (const download of [svgLink, pngLink]) {
      if (download.href) URL.revokeObjectURL(download.href);
      download.removeAttribute("href");
    }
    pngPart.hidden = true; // shown once its PNG exists: a download link needs an address
    pngLink.removeAttribute("download");
    if (code === null) return;
    const svg = code.createSvgTag({ cellSize: QR_CELL, margin: QR_MARGIN, scalable: true });
    const image = root.querySelector("[data-builder-qr]");
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
    image.alt = fill(root.dataset.qrAlt, "url", link);
    // Files of our own making to download: blob addresses, so no page links to a data: address.
    svgLink.href = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    qrCanvas(code).toBlob((png) => {
      if (linkField.value !== link || !png) return;
      pngLink.href = URL.createObjectURL(png);
      pngLink.download = pngLink.dataset.downloadName;
      pngPart.hidden = false;
    }, "image/png");
  }

  /* How many credentials the link lists, with the catalogue's search and filters. */
  async function count() {
    const asked = ++counted;
    const filters = {};
    for (const param of params) filters[param] = new Set(boxesOf(param).filter((box) => box.checked).map((box) => box.value));
    const state = chosenState(filters);
    try {
      if (!data) {
        const [search, facets] = await Promise.all([loadIndex(root, root.dataset.lang), loadFacets(root, params)]);
        data = { search, facets };
      }
      await data.search.index.need(state.q); // the index shards the words need
      if (asked !== counted) return;
      showCount(evaluate(data.search, data.facets, state).results.length);
    } catch (error) {
      showCount(null); // the count is a help: without the data, the link is still right
      throw error;
    }
  }

  function showCount(n) {
    const line = root.querySelector("[data-builder-count]");
    line.classList.toggle("mc-builder__count--none", n === 0);
    line.dataset.count = n === null ? "" : String(n);
    if (n === null) line.textContent = "";
    else if (n === 0) line.textContent = root.dataset.countNone;
    else if (n === 1) line.textContent = root.dataset.countOne;
    else line.textContent = fill(root.dataset.countMany, "n", new Intl.NumberFormat(root.dataset.lang + "-CA").format(n));
  }

  async function copy(kind) {
    const field = kind === "link" ? linkField : snippetField;
    try {
      await navigator.clipboard.writeText(field.value);
      say(kind === "link" ? root.dataset.copiedLink : root.dataset.copiedSnippet);
    } catch (error) {
      field.select(); // the reader can still copy it by hand
      say(root.dataset.failed);
    }
  }

  /* The filters of the page's own address, ticked: the list a group page sent the reader here for. */
  function tickFromAddress() {
    const { q, filters } = stateFromQuery(location.search, params);
    wordsField.value = q;
    for (const param of params) for (const box of boxesOf(param)) box.checked = filters[param].has(box.value);
  }

  /* What is ticked, in words, above the result: with the filters folded, the reader still sees the list chosen. */
  function showChosen() {
    const chosen = root.querySelector("[data-builder-chosen]");
    const parts = params.flatMap((param) => {
      const ticked = boxesOf(param).filter((box) => box.checked);
      const labels = ticked.filter((box) => !box.dataset.alone).map((box) => box.labels[0].textContent.trim());
      const alone = ticked.filter((box) => box.dataset.alone).map((box) => box.dataset.alone);
      return [...(labels.length ? [legendAfterColon(param) + " (" + labels.join(", ") + ")"] : []), ...alone];
    });
    const words = wordsField.value.trim().slice(0, maxWords);
    if (words) parts.unshift(fill(root.dataset.wordsChosen, "words", words));
    chosen.hidden = parts.length === 0;
    chosen.textContent = parts.length ? fill(root.dataset.chosen, "filters", parts.join(" · ")) : "";
  }

  root.addEventListener("change", (event) => {
    if (event.target.type !== "checkbox" && event.target !== wordsField) return;
    update();
    say(root.dataset.updated); // once the words are done (change), not at every key
  });
  wordsField.addEventListener("input", update);
  root.querySelectorAll("[data-builder-copy]").forEach((button) => {
    button.addEventListener("click", () => copy(button.dataset.builderCopy));
  });
  tickFromAddress();
  update();
}

/* What a network pastes into its page: the list, and the script that gives the frame its height. */
function snippet(embedUrl, hostScriptUrl, title) {
  return '<iframe src="' + attribute(embedUrl) + '" title="' + attribute(title) + '" loading="lazy" style="width:100%;height:600px;border:0"></iframe>\n' +
    '<script src="' + attribute(hostScriptUrl) + '" async></script>';
}

function attribute(text) {
  return text.split("&").join("&amp;").split('"').join("&quot;").split("<").join("&lt;").split(">").join("&gt;");
}

/* The published feed nearest to the filters `ticked` ([param, value] pairs): {href, filters}, the
 * filters that make it. `feeds`: {singles: param -> value -> address, counts: key -> credentials
 * of each published list feed ("" the whole catalogue, "sector/health", "pathway/employment/sector/health"),
 * lists: the folder of the two-filter feeds}. A feed holds every result of the filters when each of
 * its own is the only value ticked of its parameter; of those, the one with the fewest credentials
 * (the more filters on a tie). Without filters, the whole catalogue's new ones. */
export function nearestFeed(feeds, ticked) {
  const perParam = {};
  for (const [param] of ticked) perParam[param] = (perParam[param] || 0) + 1;
  const sole = ticked.filter(([param, value]) => perParam[param] === 1 && feeds.singles[param] && feeds.singles[param][value]);
  sole.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); // the address's order: parameters alphabetically
  const keyOf = (filters) => filters.map(([param, value]) => param + "/" + value).join("/");
  const candidates = [{ href: feeds.singles[""][""], filters: [], count: feeds.counts[""] }];
  sole.forEach((first, i) => {
    const single = feeds.counts[keyOf([first])];
    if (single !== undefined) candidates.push({ href: feeds.singles[first[0]][first[1]], filters: [first], count: single });
    for (const second of sole.slice(i + 1)) {
      const key = keyOf([first, second]);
      if (feeds.counts[key] !== undefined) {
        candidates.push({ href: feeds.lists + "/" + key + "/feed.xml", filters: [first, second], count: feeds.counts[key] });
      }
    }
  });
  candidates.sort((a, b) => (a.count - b.count) || (b.filters.length - a.filters.length));
  return candidates[0];
}

/* `template` with every "{name}" replaced by `value`, taken literally whatever it holds. */
export function fill(template, name, value) {
  return template.split("{" + name + "}").join(value);
}

/* The QR code of `text`, or null when no QR code can hold it ("code length overflow"). */
export function qrCode(text) {
  const code = qrcode(0, "M"); // the smallest version that holds the link; "M" survives a smudge on paper
  code.addData(text);
  try {
    code.make();
  } catch (error) {
    return null;
  }
  return code;
}

/* The code drawn on a canvas, black on white, with the SVG's quiet zone: the PNG newsletter tools take. */
function qrCanvas(code) {
  const modules = code.getModuleCount();
  const size = modules * QR_CELL + 2 * QR_MARGIN;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size;
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, size, size);
  context.fillStyle = "#000";
  for (let row = 0; row < modules; row += 1) {
    for (let col = 0; col < modules; col += 1) {
      if (code.isDark(row, col)) context.fillRect(QR_MARGIN + col * QR_CELL, QR_MARGIN + row * QR_CELL, QR_CELL, QR_CELL);
    }
  }
  return canvas;
}
