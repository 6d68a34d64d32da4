// pa11y (HTML_CodeSniffer, WCAG2AA) on each address given, with page scripts on and then off,
// in one Debian Chromium (no browser download). Prints a JSON list of
// {url, javascript, code, selector, message} for every error found.
// Usage: node tests/browser/pa11y_pages.mjs <chromium> <url>...
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const [executablePath, ...urls] = process.argv.slice(2);
const args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const browser = await puppeteer.launch({ executablePath, args });
const errors = [];
try {
  for (const url of urls) {
    for (const javascript of [true, false]) {
      const page = await browser.newPage();
      // Without scripts, the page is loaded as a reader without JavaScript gets it; scripts are then
      // switched back on for pa11y's own checker only (the page's scripts never ran).
      await page.setJavaScriptEnabled(javascript);
      await page.goto(url, { waitUntil: "load" });
      await page.setJavaScriptEnabled(true);
      const result = await pa11y(url, { browser, page, ignoreUrl: true, standard: "WCAG2AA", timeout: 60000 });
      for (const issue of result.issues.filter((i) => i.type === "error")) {
        errors.push({ url, javascript, code: issue.code, selector: issue.selector, message: issue.message });
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(errors));
