/*! Storyline: the iframe page and the demo page start downloading their story here, inline in the
 *  page, while the timeline's code downloads and starts, instead of after it. The code takes the
 *  download from window.__storylineDownload and uses it only if it is of the address it would load
 *  itself (which it checks again); the same http and https rule applies here.
 */
(function () {
  "use strict";
  try {
    var written = new URLSearchParams(location.search).get("src");
    // The demo page shows its story when the address names none (src/ui/app.rs DEFAULT_DATA_URL);
    // the iframe page shows a message instead.
    var iframePage = document.querySelector('meta[name="storyline-page"][content="iframe"]');
    if ((written === null || !written.trim()) && !iframePage) written = "data/albania-iran-israel.json";
    if (written === null || !written.trim()) return;
    var url = new URL(written.trim(), document.baseURI);
    if (url.protocol !== "http:" && url.protocol !== "https:") return;
    var controller = new AbortController();
    var response = fetch(url.href, { signal: controller.signal });
    // A failure is told in the timeline's box when the code reads it, not as an unhandled one.
    response.catch(function () {});
    window.__storylineDownload = { src: url.href, response: response, controller: controller };
  } catch (unusable) {
    // An address this page cannot read, or a browser without these: the code fetches (or
    // refuses) it itself.
  }
})();
