/* Service worker: keeps visited pages and the site's assets available offline.
 * Pages: network first, cached copy when the network is down (a workshop with
 * poor connectivity). Assets: cache first. A page can ask to cache a list of
 * URLs ahead of time (a whole training module) with a "precache" message. */
"use strict";

var CACHE = "plateformcoop-v1";

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

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (isPage(request)) {
    event.respondWith(
      fetch(request).then(function (response) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
        return response;
      }).catch(function () {
        return caches.match(request, { ignoreSearch: true }).then(function (cached) {
          return cached || caches.match(new URL("404.html", self.registration.scope).href);
        });
      })
    );
    return;
  }
  event.respondWith(
    caches.match(request).then(function (cached) {
      return cached || fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
        }
        return response;
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
          if (response.ok) return cache.put(url, response);
          return undefined;
        }).catch(function () { return undefined; });
      }));
    }).then(function () {
      if (event.source) event.source.postMessage({ type: "precached", count: urls.length, id: data.id });
    })
  );
});
