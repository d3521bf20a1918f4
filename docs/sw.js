/* Service worker: keeps visited pages and the site's assets available offline.
 * A page can ask to cache a list of URLs ahead of time (a whole training module,
 * for a workshop without network) with a "precache" message.
 *
 * Strategy, per kind of request:
 * - Pages: network first, the cached copy when the network is down.
 * - Versioned assets: cache first. These are the site's own styles and scripts,
 *   whose URLs carry `?v=<content hash>` (hooks/assets.py), and Material's files,
 *   whose names carry a hash (bundle.a5f9d56c.min.js). A URL then always means
 *   the same bytes, so a cached copy is never stale, costs no request on a poor
 *   network, and a deploy that changes a file changes its URL: the new pages
 *   fetch the new files, never the old ones.
 * - Everything else (search index, lunr, images): network first, cache as
 *   fallback, so the search data follows the pages.
 *
 * Why versioned URLs rather than a cache name per build: deleting the old
 * cache on activate would also delete the training modules a visitor stored
 * for offline use, the day after any deploy. Here there is one cache, kept
 * across deploys; storing a new version of an asset removes its older
 * versions, and a page stored before a deploy, opened offline, gets the newest
 * stored version of its assets (same URL but for `?v=`): the pages keep the
 * same HTML structure from one build to the next. */
"use strict";

// Kept from the first version: the modules visitors already stored survive this update.
var CACHE = "plateformcoop-v1";
var HASHED_NAME = /\.[0-9a-f]{8}\.min\.(?:js|css)$/;

self.addEventListener("install", function () {
  self.skipWaiting();
});

/* --- Site search (Pagefind) -------------------------------------------------------
 * Registered before the general fetch handler, which it then skips. What a search
 * fetches under pagefind/ (its script, worker, WebAssembly, entry file, index
 * chunks, page fragments) comes from the network when there is one and is kept,
 * under its URL without query string (Pagefind adds ?ts=<time> to its entry file),
 * so that a visitor offline can still search the pages they stored. */
function isSearchFile(url) {
  return url.origin === self.location.origin && url.pathname.indexOf(new URL("pagefind/", self.registration.scope).pathname) === 0;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || !isSearchFile(url)) return;
  event.stopImmediatePropagation();
  var key = url.origin + url.pathname;
  event.respondWith(
    fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(key, copy); }));
      }
      return response;
    }).catch(function () {
      return caches.match(key).then(function (cached) {
        return cached || Promise.reject(new Error("offline"));
      });
    })
  );
});
/* --- End of site search ----------------------------------------------------------- */

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name !== CACHE; }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function isPage(request) {
  return request.mode === "navigate" || (request.headers.get("accept") || "").indexOf("text/html") !== -1;
}

function isVersioned(url) {
  return url.searchParams.has("v") || HASHED_NAME.test(url.pathname);
}

/* Stores a response; for a versioned own asset, drops its other versions first. */
function keep(cache, request, response) {
  var url = new URL(typeof request === "string" ? request : request.url, self.location.href);
  var drop = url.searchParams.has("v")
    ? cache.keys(url.href, { ignoreSearch: true }).then(function (old) {
      return Promise.all(old.filter(function (entry) { return entry.url !== url.href; })
        .map(function (entry) { return cache.delete(entry); }));
    })
    : Promise.resolve();
  return drop.then(function () { return cache.put(url.href, response); });
}

/* From the network, and a copy stored (the worker stays alive until it is). */
function fetchAndKeep(event) {
  var request = event.request;
  return fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) { return keep(cache, request, copy); }));
    }
    return response;
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (isPage(request)) {
    event.respondWith(
      fetchAndKeep(event).catch(function () {
        return caches.match(request, { ignoreSearch: true }).then(function (cached) {
          return cached || caches.match(new URL("404.html", self.registration.scope).href);
        });
      })
    );
    return;
  }
  if (isVersioned(url)) {
    event.respondWith(
      caches.match(request).then(function (cached) {
        return cached || fetchAndKeep(event).catch(function () {
          // Offline, a page stored before a deploy asks for an older version.
          return caches.match(request, { ignoreSearch: true }).then(function (other) {
            return other || Promise.reject(new Error("offline"));
          });
        });
      })
    );
    return;
  }
  event.respondWith(
    fetchAndKeep(event).catch(function () {
      return caches.match(request).then(function (cached) {
        return cached || Promise.reject(new Error("offline"));
      });
    })
  );
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "precache" || !Array.isArray(data.urls)) return;
  var urls = data.urls.filter(function (url) { return new URL(url, self.location.href).origin === self.location.origin; });
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(urls.map(function (url) {
        return fetch(url).then(function (response) {
          if (response.ok) return keep(cache, url, response);
          return undefined;
        }).catch(function () { return undefined; });
      }));
    }).then(function () {
      if (event.source) event.source.postMessage({ type: "precached", count: urls.length, id: data.id });
    })
  );
});
