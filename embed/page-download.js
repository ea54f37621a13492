/*! Storyline: the iframe and demo pages start downloading their story here, inline, while the
 *  timeline's code loads; the code takes it from window.__storylineDownload if it is of the very
 *  address the code would load (checked again there). Only http and https addresses are fetched. */
(function () {
  "use strict";
  try {
    var written = new URLSearchParams(location.search).get("src");
    // Without an address the demo page shows its own story (DEFAULT_DATA_URL in src/ui/app.rs).
    var iframePage = document.querySelector('meta[name="storyline-page"][content="iframe"]');
    if ((written === null || !written.trim()) && !iframePage) written = "data/albania-iran-israel.json";
    if (written === null || !written.trim()) return;
    var url = new URL(written.trim(), document.baseURI);
    if (url.protocol !== "http:" && url.protocol !== "https:") return;
    var controller = new AbortController();
    var response = fetch(url.href, { signal: controller.signal });
    // A failure is told in the timeline's box, not as an unhandled rejection.
    response.catch(function () {});
    window.__storylineDownload = { src: url.href, response: response, controller: controller };
  } catch (unusable) {
    // The code fetches (or refuses) the address itself.
  }
})();
