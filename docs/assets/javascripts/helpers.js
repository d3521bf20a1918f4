/* Helpers shared by the site's modules: template filling, local dates, percents,
 * browser-only storage and a page-ready hook. No side effect on import. */

/* "{name}" placeholders replaced by values; unknown names are left as they are. */
export function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, function (match, name) {
    return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
  });
}

function pad(number) {
  return (number < 10 ? "0" : "") + number;
}

/* The calendar date where the visitor is, as YYYY-MM-DD. Never toISOString():
 * that is the UTC date, still yesterday in France between midnight and 1 or 2 a.m. */
export function localDate(date) {
  var when = date || new Date();
  return when.getFullYear() + "-" + pad(when.getMonth() + 1) + "-" + pad(when.getDate());
}

export function today() {
  return localDate(new Date());
}

var FRENCH_DATE = { day: "numeric", month: "long", year: "numeric" };

/* "16 juin 2026" from a YYYY-MM-DD date (read as a local date) or a Date. */
export function frenchDate(value) {
  if (!value) return "";
  var date = value;
  if (typeof value === "string") {
    var parts = value.split("-");
    date = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
  }
  return date.toLocaleDateString("fr-FR", FRENCH_DATE);
}

/* 0.666 -> 67 */
export function percent(value) {
  return Math.round(value * 100);
}

/* "67 %", or the given text when there is no value. */
export function percentText(value, none) {
  return value === null || value === undefined ? none : percent(value) + " %";
}

/* One localStorage key holding a JSON object; failures (private mode, full
 * storage) never break the page, the data just is not kept. */
export function store(key) {
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

/* Run on every page view, including Material's instant navigation if it is ever
 * enabled (it is not: module scripts then run once per full page load). */
export function ready(init) {
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}
