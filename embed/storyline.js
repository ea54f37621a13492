/*! Storyline embed loader. Put this in the page's <head>:
 *    <script src="https://your.site/storyline/storyline.js"></script>
 *  then, anywhere in the body, as many times as you like:
 *    <div class="storyline-embed" data-src="/timelines/albania.json" data-height="560"></div>
 *
 *  Each element gets its height at once (so nothing below it moves), a loading skeleton, and its
 *  own shadow root (so page styles and timeline styles never mix). The timeline itself (wasm) is
 *  downloaded only when the first element comes near the screen. Options are data-* attributes:
 *  src, height, theme (light | dark | auto), start, from, to, categories, deep-link, lang.
 */
(function () {
  "use strict";
  if (window.__storylineLoader) return;
  window.__storylineLoader = true;

  var script = document.currentScript;
  var base = new URL(".", (script && script.src) || location.href);
  var SELECTOR = ".storyline-embed";
  var DEFAULT_HEIGHT = 560;
  var core = null;

  function loadCore() {
    if (!core) {
      core = import(new URL("storyline-embed.js", base).href).then(function (module) {
        return module.default({ module_or_path: new URL("storyline-embed_bg.wasm", base) }).then(function () {
          return module;
        });
      });
    }
    return core;
  }

  function options(host) {
    var data = host.dataset;
    var found = {};
    ["src", "height", "theme", "start", "from", "to", "categories", "lang"].forEach(function (name) {
      if (data[name] !== undefined) found[name] = data[name];
    });
    if (data.deepLink !== undefined) found["deep-link"] = data.deepLink;
    // A relative data-src is relative to the page, not to this script.
    if (found.src) found.src = new URL(found.src, location.href).href;
    var inline = host.querySelector('script[type="application/json"]');
    if (inline) found.inline = inline.textContent;
    return found;
  }

  function message(mountPoint, text) {
    mountPoint.textContent = "";
    var box = document.createElement("div");
    box.className = "storyline-problems";
    box.setAttribute("role", "alert");
    box.textContent = text;
    mountPoint.appendChild(box);
  }

  var nearScreen =
    "IntersectionObserver" in window
      ? new IntersectionObserver(
          function (entries) {
            entries.forEach(function (entry) {
              if (entry.isIntersecting) {
                nearScreen.unobserve(entry.target);
                start(entry.target);
              }
            });
          },
          { rootMargin: "400px 0px" }
        )
      : null;

  function start(host) {
    var mountPoint = host.__storylineMount;
    loadCore()
      .then(function (module) {
        module.mount_embed(mountPoint, options(host));
        host.setAttribute("data-storyline-state", "mounted");
      })
      .catch(function (error) {
        message(mountPoint, "This timeline could not be loaded.");
        host.setAttribute("data-storyline-state", "failed");
        console.warn("Storyline embed:", error);
      });
  }

  function prepare(host) {
    if (host.__storylineMount || !host.attachShadow) return;
    var height = parseInt(host.getAttribute("data-height"), 10);
    if (!(height >= 120 && height <= 4000)) height = DEFAULT_HEIGHT;
    // Set through the CSSOM (allowed under a strict Content-Security-Policy).
    host.style.display = "block";
    host.style.height = height + "px";
    host.style.overflow = "hidden";
    var shadow = host.attachShadow({ mode: "open" });
    var sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = new URL("storyline.css", base).href;
    shadow.appendChild(sheet);
    var mountPoint = document.createElement("div");
    mountPoint.className = "storyline-embed-root";
    var skeleton = document.createElement("div");
    skeleton.className = "storyline storyline-skeleton";
    skeleton.setAttribute("role", "status");
    skeleton.setAttribute("aria-busy", "true");
    skeleton.setAttribute("aria-label", "Loading the timeline");
    mountPoint.appendChild(skeleton);
    shadow.appendChild(mountPoint);
    host.__storylineMount = mountPoint;
    host.setAttribute("data-storyline-state", "waiting");
    if (nearScreen) nearScreen.observe(host);
    else start(host);
  }

  function scan(root) {
    if (root.nodeType !== 1) return;
    if (root.matches(SELECTOR)) prepare(root);
    var found = root.querySelectorAll(SELECTOR);
    for (var i = 0; i < found.length; i++) prepare(found[i]);
  }

  // Watch the page from the start: elements get their height as the parser adds them, before
  // the first paint, and elements added later (by a CMS, an infinite scroll) are found too.
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(scan);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  scan(document.documentElement);
})();
