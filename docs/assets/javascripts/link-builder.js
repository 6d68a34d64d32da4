/* The link builder of the "Share a link" page (overrides/catalogue/link_builder.html): the filters
 * ticked give the catalogue's link to that list, the <iframe> code of the embeddable list
 * (embed.js, with embed-host.js for its height) and the link's QR code, drawn here by the vendored
 * qrcode-generator: a code for every combination of filters cannot be made in advance. A group
 * page's "Embed this list" link opens the page with its filter in the address (links/?sector=health):
 * those filters start ticked. Search words (q) narrow the list as in the catalogue's box. */

import { qrcode } from "./vendor/qrcode.mjs";
import { queryOf, stateFromQuery } from "./search/url-state.js";
import { bindOptionFinders } from "./search/option-finder.js";

const root = document.getElementById("mc-builder");
if (root) start(root);

function start(root) {
  const params = Array.from(root.querySelectorAll("[data-filter]"), (fieldset) => fieldset.dataset.filter);
  const boxesOf = (param) => Array.from(root.querySelectorAll('input[type="checkbox"][name="' + param + '"]'));
  const wordsField = root.querySelector("#mc-builder-q");
  const linkField = root.querySelector("#mc-builder-link");
  const snippetField = root.querySelector("#mc-builder-snippet");
  const status = root.querySelector("[data-builder-status]");
  const absolute = (relative) => new URL(relative, location.href).href;
  let sayTimer = 0;

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
    return queryOf({ q: wordsField.value.trim(), filters }, params, (param) => boxesOf(param).map((box) => box.value));
  }

  function update() {
    showChosen();
    const query = chosenQuery();
    const link = absolute(root.dataset.catalogue) + query;
    const embed = absolute(root.dataset.embed) + query;
    linkField.value = link;
    snippetField.value = snippet(embed, absolute(root.dataset.hostScript), root.dataset.frameTitle);
    root.querySelector("[data-builder-preview]").href = embed;
    const svg = qrSvg(link);
    const image = root.querySelector("[data-builder-qr]");
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
    image.alt = root.dataset.qrAlt.replace("{url}", link);
    // A file of our own making to download: a blob address, so no page links to a data: address.
    const download = root.querySelector("[data-builder-qr-download]");
    if (download.href.startsWith("blob:")) URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
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
    const parts = params.map((param) => {
      const labels = boxesOf(param).filter((box) => box.checked).map((box) => box.labels[0].textContent.trim());
      const legend = root.querySelector('[data-filter="' + param + '"] > legend').textContent.trim();
      return labels.length ? legend + " (" + labels.join(", ") + ")" : "";
    }).filter(Boolean);
    const words = wordsField.value.trim();
    if (words) parts.unshift(root.dataset.wordsChosen.replace("{words}", words));
    chosen.hidden = parts.length === 0;
    chosen.textContent = parts.length ? root.dataset.chosen.replace("{filters}", parts.join(" · ")) : "";
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
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function qrSvg(text) {
  const code = qrcode(0, "M"); // the smallest version that holds the link; "M" survives a smudge on paper
  code.addData(text);
  code.make();
  return code.createSvgTag({ cellSize: 4, margin: 16, scalable: true });
}
