// The link builder's pure parts (docs/assets/javascripts/link-builder.js), under node --test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fill, qrCode } from "../../docs/assets/javascripts/link-builder.js";

test("a placeholder is filled with the reader's words taken literally, $& and $1 included", () => {
  assert.equal(fill("Mots « {words} »", "words", "$& $1 $$ $`"), "Mots « $& $1 $$ $` »");
  assert.equal(fill("{n} of {n}", "n", "3"), "3 of 3");
});

test("a link that fits gives a QR code; one too long for any QR code gives none, without throwing", () => {
  assert.ok(qrCode("https://example.org/catalogue/?q=soins").getModuleCount() > 0);
  assert.equal(qrCode("https://example.org/catalogue/?q=" + "%C3%A9".repeat(1000)), null);
});
