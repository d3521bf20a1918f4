/* Helpers shared by the site's scripts: browser-only storage and a page-ready hook. */
window.plateformcoop = (function () {
  "use strict";

  /* One localStorage key holding a JSON object; failures (private mode, full
   * storage) never break the page, the data just is not kept. */
  function store(key) {
    return {
      load: function () {
        try {
          var data = JSON.parse(window.localStorage.getItem(key) || "{}");
          return data && typeof data === "object" ? data : {};
        } catch (error) {
          return {};
        }
      },
      save: function (data) {
        try {
          window.localStorage.setItem(key, JSON.stringify(data));
        } catch (error) {
          /* Not kept: the page keeps working. */
        }
      }
    };
  }

  /* Run on every page view, including Material's instant navigation if enabled. */
  function ready(init) {
    if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }

  /* The service worker sits at the site root (next to index.html); its URL is
   * derived from this script's own address so the site works under any path. */
  function siteRoot() {
    var script = document.querySelector('script[src*="assets/javascripts/common.js"]');
    return script ? new URL("../../", script.src).href : new URL("./", window.location.href).href;
  }

  var worker = null;
  if ("serviceWorker" in navigator && window.isSecureContext) {
    worker = navigator.serviceWorker.register(siteRoot() + "sw.js", { scope: siteRoot() }).then(function () {
      return navigator.serviceWorker.ready;
    }).catch(function () { return null; });
  }

  /* Ask the service worker to keep these pages and their assets for offline use. */
  function precache(urls, done) {
    if (!worker) return done(false);
    worker.then(function (registration) {
      if (!registration || !registration.active) return done(false);
      var id = String(Date.now());
      navigator.serviceWorker.addEventListener("message", function listener(event) {
        if (!event.data || event.data.type !== "precached" || event.data.id !== id) return;
        navigator.serviceWorker.removeEventListener("message", listener);
        done(true);
      });
      // The pages need the same styles, scripts and icons as this one.
      var assets = Array.prototype.slice.call(document.querySelectorAll("script[src], link[rel~=stylesheet], link[rel~=icon]"))
        .map(function (element) { return element.src || element.href; });
      registration.active.postMessage({ type: "precache", urls: urls.concat(assets), id: id });
    });
  }

  /* Wide tables scroll sideways on phones: a scroll region must be reachable with
   * the keyboard and named (WCAG 2.1.1, axe scrollable-region-focusable). Only
   * regions that really overflow become tab stops. */
  function sectionHeading(element) {
    var headings = document.querySelectorAll(".md-content h1[id], .md-content h2[id], .md-content h3[id], .md-content h4[id]");
    var found = null;
    Array.prototype.forEach.call(headings, function (heading) {
      if (heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) found = heading;
    });
    return found;
  }

  function labelScrollRegions() {
    var regions = document.querySelectorAll(".md-typeset__scrollwrap");
    Array.prototype.forEach.call(regions, function (region) {
      if (region.scrollWidth > region.clientWidth + 1) {
        region.setAttribute("tabindex", "0");
        // Named after the section it sits in, so the tab stop is announced meaningfully.
        var heading = sectionHeading(region);
        if (heading) {
          region.setAttribute("role", "region");
          region.setAttribute("aria-labelledby", heading.id);
        }
      } else if (region.hasAttribute("tabindex")) {
        region.removeAttribute("tabindex");
        region.removeAttribute("role");
        region.removeAttribute("aria-labelledby");
      }
    });
  }
  ready(function () { window.setTimeout(labelScrollRegions, 0); });
  window.addEventListener("resize", labelScrollRegions);

  return { store: store, ready: ready, precache: precache };
})();
