/* Observatory: compare one's diagnostic with the network, in the browser.
 * Reads the answers from the diagnostic's form (or from localStorage, where
 * diagnostic.js keeps them), scores them with the page's own scoring module
 * (scoring.js, mirrored by plateformcoop/observatory.py score_answers), and sets them
 * beside the network's figures from donnees/observatoire.json, a static file of
 * this site. Nothing is sent anywhere: the only request is that file's download. */
import { fill, percent, ready, store } from "./helpers.js";
import { compute } from "./scoring.js";

var KEY = "plateformcoop:diagnostic:v1"; /* diagnostic.js's storage key */


function stored(variant) {
  var all = store(KEY).load();
  var current = all.variants && all.variants[variant];
  return (current && current.answers) || {};
}

/* The form is the truth once diagnostic.js has restored it; storage fills the gap before. */
function answersOf(root, variant) {
  var answers = {};
  var fromStorage = stored(variant);
  Object.keys(fromStorage).forEach(function (id) { answers[id] = fromStorage[id]; });
  var form = {};
  root.querySelectorAll(".pc-diag__question").forEach(function (fieldset) {
    var checked = fieldset.querySelector("input[type=radio]:checked");
    if (checked) form[fieldset.getAttribute("data-question")] = checked.value;
  });
  return Object.keys(form).length ? form : answers;
}

function init() {
  var root = document.querySelector(".pc-diag");
  var box = root && root.querySelector(".pc-obs-compare");
  if (!box || box.getAttribute("data-ready")) return;
  box.setAttribute("data-ready", "1");
  var data = JSON.parse(root.querySelector(".pc-diag__data").textContent);
  var ui = JSON.parse(box.getAttribute("data-ui"));
  var variant = root.getAttribute("data-variant");
  var message = box.querySelector(".pc-obs-compare__message");
  var table = box.querySelector(".pc-obs-compare__table");
  var network = null;

  function draw() {
    var entry = null;
    (network.variants || []).forEach(function (v) { if (v.id === variant) entry = v; });
    if (!entry || !entry.latest || !entry.latest.shown) {
      table.hidden = true;
      message.textContent = fill(ui.none, { threshold: network.threshold });
      return;
    }
    var figures = {};
    entry.latest.principles.forEach(function (p) { figures[p.id] = p; });
    var mine = {};
    compute(data, answersOf(root, variant), "").principles.forEach(function (p) { mine[p.id] = p.score; });
    var body = table.querySelector("tbody");
    body.innerHTML = "";
    data.principles.forEach(function (principle) {
      var you = mine[principle.id];
      var figure = figures[principle.id];
      var cells;
      if (!figure || !figure.shown) {
        cells = [you === null ? ui.not_assessed : percent(you) + " %", fill(ui.hidden, { threshold: network.threshold }), "—", "—"];
      } else {
        var gap = you === null ? null : percent(you) - percent(figure.median);
        var position = gap === null ? "—"
          : gap === 0 ? ui.equal
          : (gap > 0 ? ui.above : ui.below) + " (" + (gap > 0 ? "+" : "") + gap + " points)";
        cells = [
          you === null ? ui.not_assessed : percent(you) + " %",
          percent(figure.median) + " %",
          percent(figure.q1) + " % – " + percent(figure.q3) + " %",
          position
        ];
      }
      var row = document.createElement("tr");
      row.setAttribute("data-principle", principle.id);
      var head = document.createElement("th");
      head.scope = "row";
      head.textContent = principle.label;
      row.appendChild(head);
      cells.forEach(function (text) {
        var cell = document.createElement("td");
        cell.textContent = text;
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    table.hidden = false;
    message.textContent = fill(ui.done, { count: entry.latest.platforms });
  }

  function update() {
    box.hidden = Object.keys(answersOf(root, variant)).length === 0;
    if (network && !box.hidden) draw();
  }

  box.querySelector(".pc-obs-compare__run").addEventListener("click", function () {
    message.textContent = ui.loading;
    window.fetch(box.getAttribute("data-url"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (json) {
        network = json;
        draw();
      })
      .catch(function () {
        message.textContent = ui.error;
      });
  });
  root.addEventListener("change", update);
  /* Reset and import change the form without a change event on it. */
  root.addEventListener("click", function () { window.setTimeout(update, 0); });
  update();
}

ready(init);
