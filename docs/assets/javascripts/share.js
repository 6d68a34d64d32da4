// The share box of a credential page (overrides/catalogue/_share.html): copy the page's address,
// or a ready-made text as HTML (for newsletter tools) and plain text, and say so in the status line.
(function () {
  "use strict";
  const box = document.querySelector(".mc-share");
  if (!box || !navigator.clipboard) return; // without the Clipboard API the text stays selectable
  const status = box.querySelector(".mc-share__status");

  function say(message) {
    // Emptied first, so the same words said twice are announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function copyLink() {
    return navigator.clipboard.writeText(box.querySelector("#mc-share-url").value);
  }

  function copyText() {
    const html = box.querySelector("#mc-share-html").innerHTML;
    const text = box.querySelector("#mc-share-text").textContent;
    if (window.ClipboardItem) {
      return navigator.clipboard.write([new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      })]).catch(function () { return navigator.clipboard.writeText(text); });
    }
    return navigator.clipboard.writeText(text);
  }

  box.querySelectorAll("[data-mc-copy]").forEach(function (button) {
    const link = button.dataset.mcCopy === "link";
    button.hidden = false;
    button.addEventListener("click", function () {
      (link ? copyLink() : copyText()).then(
        function () { say(link ? status.dataset.copiedLink : status.dataset.copiedText); },
        function () { say(status.dataset.failed); }
      );
    });
  });
})();
