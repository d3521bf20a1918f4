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

  return { store: store, ready: ready };
})();
