/* On every page: the service worker (offline copies) and keyboard access to wide
 * tables. Exports precache() for the "keep this module offline" button. */
import { ready } from "./helpers.js";

/* The service worker sits at the site root (next to index.html), two folders
 * above this module, so the site works under any path. */
var root = new URL("../../", import.meta.url).href;

var worker = null;
if ("serviceWorker" in navigator && window.isSecureContext) {
  worker = navigator.serviceWorker.register(root + "sw.js", { scope: root }).then(function () {
    return navigator.serviceWorker.ready;
  }).catch(function () { return null; });
}

/* Ask the service worker to keep these pages and their assets for offline use;
 * done(true) once they are stored, done(false) when there is no service worker. */
export function precache(urls, done) {
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
