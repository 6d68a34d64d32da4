import { test } from "node:test";
import assert from "node:assert/strict";
import { optionsOf, stateFromAddress } from "../../docs/assets/javascripts/search/url-state.js";
import { fill } from "../../docs/assets/javascripts/search/text.js";
import { formatCount } from "../../docs/assets/javascripts/search/view.js";

// The catalogue page builds its options from its checkboxes, the embeddable list from its
// data-options: both read an address with stateFromAddress, so both ignore what they do not offer.
const options = optionsOf({ provider: ["mohawk-college", "durham-college"], cost: ["free", "not-specified"], intake: ["continuous"] });

test("an unknown key is left out, as if the address did not name it", () => {
  for (const hostile of ["__proto__", "constructor", "toString", "hasOwnProperty", "renamed-college"]) {
    const state = stateFromAddress(`?provider=${hostile}&cost=free`, options);
    assert.deepEqual([...state.filters.provider], [], hostile);
    assert.deepEqual([...state.filters.cost], ["free"], hostile);
  }
});

test("known keys are kept among unknown ones, and unknown parameters are never read", () => {
  const state = stateFromAddress("?provider=__proto__,mohawk-college&__proto__=x&constructor=y&q=soins", options);
  assert.deepEqual([...state.filters.provider], ["mohawk-college"]);
  assert.deepEqual(Object.keys(state.filters).sort(), ["cost", "intake", "provider"]);
  assert.equal(state.q, "soins");
  assert.equal(Object.getPrototypeOf(state.filters), Object.prototype);
});

test("the options of a page are read safely, __proto__ included", () => {
  const read = optionsOf(JSON.parse('{"__proto__": ["a"], "cost": ["free"]}'));
  assert.deepEqual([...read.keys()].sort(), ["__proto__", "cost"]);
  assert.equal({}.polluted, undefined);
});

test("a sentence is filled with any text, replacement patterns included", () => {
  for (const label of ["$&", "$'", "$`", "$$", "$1", "a $& b"]) {
    assert.equal(fill("Show only: {label}?", "label", label), `Show only: ${label}?`);
  }
  assert.equal(fill("{n} of {total}", "n", 3), "3 of {total}");
  assert.equal(fill(fill("{n} of {total}", "n", 3), "total", 12), "3 of 12");
  assert.equal(formatCount(1234567, "$&"), "1$&234$&567");
});
