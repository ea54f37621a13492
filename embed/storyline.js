/*! Storyline embed loader. Put this in the page's <head>:
 *    <script src="https://your.site/storyline/storyline.js"></script>
 *  then, anywhere in the body, as many times as you like:
 *    <div class="storyline-embed" data-src="/timelines/albania.json" data-height="560"></div>
 *
 *  Each element gets its height at once (so nothing below it moves), a loading skeleton, and its
 *  own shadow root (so page styles and timeline styles never mix). The timeline itself (wasm) is
 *  downloaded only when the first element comes near the screen, and each element's story when it
 *  does, at the same time as the code. Options are data-* attributes:
 *  src, height, theme (light | dark | auto), start, from, to, categories, deep-link, lang,
 *  title-card.
 *  Single-page sites: Storyline.unmount(element) and Storyline.mount(element); an element taken
 *  out of the document is unmounted by itself.
 */
(function () {
  "use strict";
  // Named elements in the page (<img name="…">, <form id="…">) shadow properties of `window` and
  // `document`: read what the loader relies on from the prototypes, where they cannot reach.
  var LOADER_NAME = "storyline.js";
  var own = Object.prototype.hasOwnProperty;
  if (own.call(window, "__storylineLoader")) return;
  window.__storylineLoader = true;

  function documentProperty(name) {
    return Object.getOwnPropertyDescriptor(Document.prototype, name).get.call(document);
  }
  var createElement = Document.prototype.createElement.bind(document);
  var querySelectorAll = Document.prototype.querySelectorAll.bind(document);

  // This script's own <script> element: `document.currentScript`, if it is really a script
  // (a page can plant <img name="currentScript" src="https://elsewhere/"> to redirect the code
  // imported below), else the last script whose address ends in the loader's name.
  function ownScript() {
    var current = documentProperty("currentScript");
    if (current instanceof HTMLScriptElement && current.src) return current;
    var scripts = querySelectorAll("script[src]");
    for (var i = scripts.length - 1; i >= 0; i--) {
      var path = new URL(scripts[i].src, location.href).pathname;
      if (path === "/" + LOADER_NAME || path.slice(-LOADER_NAME.length - 1) === "/" + LOADER_NAME) return scripts[i];
    }
    return null;
  }

  var script = ownScript();
  var base = new URL(".", (script && script.src) || location.href);
  var SELECTOR = ".storyline-embed";
  var DEFAULT_HEIGHT = 560;
  var core = null;

  function loadCore() {
    if (!core) {
      // The code is asked for beside its glue, not after it, and compiled as it streams in.
      var code = fetch(new URL("storyline-embed_bg.wasm", base).href);
      code.catch(function () {});
      core = import(new URL("storyline-embed.js", base).href).then(function (module) {
        return module.default({ module_or_path: code }).then(function () {
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
    if (data.titleCard !== undefined) found["title-card"] = data.titleCard;
    // A relative data-src is relative to the page, not to this script. The timeline itself
    // refuses addresses that are not http or https, and says so in its box.
    if (found.src) {
      try {
        found.src = new URL(found.src, location.href).href;
      } catch (unreadable) {
        // Left as written: the timeline reports it.
      }
    }
    var inline = host.querySelector('script[type="application/json"]');
    if (inline) found.inline = inline.textContent;
    return found;
  }

  function message(mountPoint, text) {
    mountPoint.textContent = "";
    var box = createElement("div");
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

  // Each timeline's story download, by mount point, so taking the timeline down stops it (kept
  // here, out of the page's reach).
  var downloads = new WeakMap();

  // The story is asked for as soon as its element comes near the screen, while the timeline's
  // code downloads and starts, and handed to the code, which uses it only for the address it
  // would load itself (checked again there). Only http and https addresses are fetched; others
  // are left to the timeline, which refuses them in its box.
  function download(found) {
    if (!found.src || (found.inline && found.inline.trim())) return undefined;
    try {
      var url = new URL(found.src);
      if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
      var controller = new AbortController();
      var response = fetch(url.href, { signal: controller.signal });
      // A failure is told in the timeline's box when the code reads it, not as an unhandled one.
      response.catch(function () {});
      return { src: url.href, response: response, controller: controller };
    } catch (unusable) {
      return undefined;
    }
  }

  function start(host) {
    var mountPoint = host.__storylineMount;
    if (!mountPoint) return;
    var found = options(host);
    var early = download(found);
    if (early) downloads.set(mountPoint, early);
    loadCore()
      .then(function (module) {
        // Taken off the page while the code was loading: nothing to mount.
        if (host.__storylineMount !== mountPoint) return;
        // The words of a story in another language than English are fetched from beside this
        // script when the story needs them.
        module.mount_embed(mountPoint, found, early, new URL("words/", base).href);
        host.setAttribute("data-storyline-state", "mounted");
      })
      .catch(function (error) {
        if (early) early.controller.abort();
        if (host.__storylineMount !== mountPoint) return;
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
    // A timeline mounted here before (and unmounted) left its shadow root behind: reuse it.
    var shadow = host.__storylineShadow || host.attachShadow({ mode: "open" });
    host.__storylineShadow = shadow;
    var sheet = createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = new URL("storyline.css", base).href;
    shadow.appendChild(sheet);
    var mountPoint = createElement("div");
    mountPoint.className = "storyline-embed-root";
    var skeleton = createElement("div");
    skeleton.className = "storyline storyline-skeleton";
    skeleton.setAttribute("role", "status");
    skeleton.setAttribute("aria-busy", "true");
    skeleton.setAttribute("aria-label", "Loading the timeline");
    mountPoint.appendChild(skeleton);
    shadow.appendChild(mountPoint);
    // The element's own content (a static story, for readers without JavaScript) is printed
    // after the timeline: the stylesheet shows this slot only on paper.
    var printSlot = createElement("slot");
    printSlot.className = "storyline-print-slot";
    shadow.appendChild(printSlot);
    host.__storylineMount = mountPoint;
    host.setAttribute("data-storyline-state", "waiting");
    if (nearScreen) nearScreen.observe(host);
    else start(host);
  }

  // Takes a timeline off its element: the component's cleanups run (observers, listeners, a
  // download in flight), the shadow root is emptied, and the element can be mounted again.
  function unmount(host) {
    var mountPoint = host && host.__storylineMount;
    if (!mountPoint) return false;
    host.__storylineMount = null;
    if (nearScreen) nearScreen.unobserve(host);
    var early = downloads.get(mountPoint);
    if (early) early.controller.abort();
    if (core) {
      core.then(
        function (module) {
          module.unmount_embed(mountPoint);
        },
        function () {}
      );
    }
    var shadow = host.__storylineShadow;
    while (shadow.firstChild) shadow.removeChild(shadow.firstChild);
    host.setAttribute("data-storyline-state", "unmounted");
    return true;
  }

  function embedsIn(root) {
    if (root.nodeType !== 1) return [];
    var found = Array.prototype.slice.call(root.querySelectorAll(SELECTOR));
    if (root.matches(SELECTOR)) found.unshift(root);
    return found;
  }

  function scan(root) {
    embedsIn(root).forEach(prepare);
  }

  // For single-page sites: `Storyline.unmount(element)` takes a timeline down (it also happens by
  // itself when the element leaves the document), `Storyline.mount(element)` puts it back.
  window.Storyline = {
    mount: function (host) {
      if (host && host.nodeType === 1) scan(host);
    },
    unmount: unmount,
  };

  // Watch the page from the start: elements get their height as the parser adds them, before
  // the first paint, and elements added later (by a CMS, an infinite scroll) are found too.
  // Elements taken out of the document are unmounted, unless they were only moved.
  new MutationObserver(function (records) {
    var removed = [];
    records.forEach(function (record) {
      record.removedNodes.forEach(function (node) {
        removed.push.apply(removed, embedsIn(node));
      });
      record.addedNodes.forEach(scan);
    });
    removed.forEach(function (host) {
      if (!host.isConnected) unmount(host);
    });
  }).observe(documentProperty("documentElement"), { childList: true, subtree: true });
  scan(documentProperty("documentElement"));
})();
