/* Self-assessment diagnostic: scores, chart, plan, export/import and comparison.
 * Computed in the browser from the data embedded in the page; answers are kept
 * in localStorage only, as they are given. Nothing is sent anywhere. The
 * questions are shown one charter principle per step ("Étape 2 sur 5"); the
 * step reached is kept too, so a reload resumes there. */
import { fill, frenchDate, localDate, percent, percentText, ready, store } from "./helpers.js";
import { compute } from "./scoring.js";

var KEY = "plateformcoop:diagnostic:v1";
var FORMAT = "plateformcoop-diagnostic";
var SVG = "http://www.w3.org/2000/svg";

var storage = store(KEY);
var load = storage.load;
var save = storage.save;

/* One row per principle: its name above a bar, the value after the bar.
 * A narrow viewBox keeps the text readable on phones once scaled. */
function drawChart(svg, principles, notAssessed) {
  Array.prototype.slice.call(svg.querySelectorAll("g")).forEach(function (g) { g.remove(); });
  var rowHeight = 48;
  var barWidth = 300;
  svg.setAttribute("viewBox", "0 0 400 " + (principles.length * rowHeight + 4));
  function shape(name, attributes, text) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, String(attributes[key])); });
    if (text !== undefined) element.textContent = text;
    return element;
  }
  principles.forEach(function (principle, index) {
    var y = index * rowHeight;
    var group = shape("g", { "aria-hidden": "true" });
    var width = principle.score === null ? 0 : Math.round(barWidth * principle.score);
    group.appendChild(shape("text", { x: 0, y: y + 16, "class": "pc-diag__chart-label" }, principle.label));
    group.appendChild(shape("rect", { x: 0, y: y + 22, width: barWidth, height: 18, "class": "pc-diag__chart-track" }));
    group.appendChild(shape("rect", { x: 0, y: y + 22, width: width, height: 18, "class": "pc-diag__chart-bar" }));
    group.appendChild(shape("text", { x: barWidth + 8, y: y + 36, "class": "pc-diag__chart-value" },
      percentText(principle.score, notAssessed)));
    svg.appendChild(group);
  });
}

function init() {
  var root = document.querySelector(".pc-diag");
  if (!root || root.getAttribute("data-ready")) return;
  root.setAttribute("data-ready", "1");
  var data = JSON.parse(root.querySelector(".pc-diag__data").textContent);
  var ui = JSON.parse(root.getAttribute("data-ui"));
  var variant = root.getAttribute("data-variant");
  var nameInput = root.querySelector(".pc-diag__name");
  var stageSelect = root.querySelector(".pc-diag__stage");
  var message = root.querySelector(".pc-diag__message");
  var questionIds = [];
  data.cards.forEach(function (card) {
    card.questions.forEach(function (q) { questionIds.push(q.id); });
  });

  function state() {
    var all = load();
    all.variants = all.variants || {};
    var current = all.variants[variant] || {};
    current.answers = current.answers || {};
    all.variants[variant] = current;
    return { all: all, current: current };
  }

  function restore() {
    var current = state().current;
    nameInput.value = current.name || "";
    stageSelect.value = current.stage || "";
    root.querySelectorAll(".pc-diag__question").forEach(function (fieldset) {
      var chosen = current.answers[fieldset.getAttribute("data-question")];
      fieldset.querySelectorAll("input[type=radio]").forEach(function (input) {
        input.checked = input.value === chosen;
      });
    });
  }

  function render() {
    var current = state().current;
    var result = compute(data, current.answers, current.stage);
    root.querySelector(".pc-diag__answered").textContent = fill(ui.answered, { answered: result.answered, total: result.total });
    drawChart(root.querySelector(".pc-diag__chart"), result.principles, ui.not_assessed);
    var body = root.querySelector(".pc-diag__table tbody");
    body.innerHTML = "";
    result.principles.forEach(function (p) {
      var row = document.createElement("tr");
      row.setAttribute("data-principle", p.id);
      var head = document.createElement("th");
      head.scope = "row";
      head.textContent = p.label;
      var score = document.createElement("td");
      score.className = "pc-diag__score";
      score.textContent = percentText(p.score, ui.not_assessed);
      var count = document.createElement("td");
      count.textContent = String(p.count);
      row.appendChild(head);
      row.appendChild(score);
      row.appendChild(count);
      body.appendChild(row);
    });
    var strengths = root.querySelector(".pc-diag__strengths");
    strengths.innerHTML = "";
    var strong = result.principles.filter(function (p) { return p.score !== null && p.score >= data.threshold; });
    if (!strong.length) {
      var none = document.createElement("li");
      none.textContent = fill(ui.strengths_none, { threshold: percent(data.threshold) });
      strengths.appendChild(none);
    }
    strong.forEach(function (p) {
      var item = document.createElement("li");
      item.textContent = p.label + " (" + percentText(p.score) + ")";
      strengths.appendChild(item);
    });
    var plan = root.querySelector(".pc-diag__plan");
    plan.innerHTML = "";
    if (!result.plan.length) {
      var empty = document.createElement("li");
      empty.textContent = ui.plan_empty;
      plan.appendChild(empty);
    }
    result.plan.forEach(function (entry) {
      var item = document.createElement("li");
      item.setAttribute("data-card", entry.card.id);
      var link = document.createElement("a");
      link.href = entry.card.url;
      link.textContent = entry.card.title;
      item.appendChild(link);
      item.appendChild(document.createTextNode(" — " + fill(ui.plan_item, {
        gap: percent(entry.gap),
        impact: data.levels[entry.card.impact].label.toLowerCase(),
        effort: data.levels[entry.card.effort].label.toLowerCase()
      })));
      plan.appendChild(item);
    });
    root.querySelector(".pc-diag__report-name").textContent = current.name || "";
    root.querySelector(".pc-diag__report-date").textContent = fill(ui.report_date, {
      date: frenchDate(new Date())
    });
    stepProgress(current.answers);
    return result;
  }

  root.addEventListener("change", function (event) {
    var target = event.target;
    var s = state();
    if (target.type === "radio") {
      s.current.answers[target.name.replace(/^q-/, "")] = target.value;
    } else if (target === stageSelect) {
      s.current.stage = stageSelect.value;
    } else {
      return;
    }
    save(s.all);
    render();
  });
  nameInput.addEventListener("input", function () {
    var s = state();
    s.current.name = nameInput.value;
    save(s.all);
    render();
  });

  function exportData() {
    var current = state().current;
    return {
      format: FORMAT,
      version: 1,
      variant: variant,
      name: current.name || "",
      stage: current.stage || "",
      date: localDate(new Date()),
      answers: current.answers
    };
  }

  root.querySelector(".pc-diag__export").addEventListener("click", function () {
    var payload = exportData();
    var blob = new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "diagnostic-" + variant + "-" + payload.date + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  });

  function readFile(input, done) {
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var parsed = null;
      try {
        parsed = JSON.parse(String(reader.result));
      } catch (error) {
        parsed = null;
      }
      if (!parsed || parsed.format !== FORMAT || parsed.variant !== variant || typeof parsed.answers !== "object") {
        message.textContent = ui.import_error;
        return;
      }
      var answers = {};
      Object.keys(parsed.answers).forEach(function (id) {
        var value = parsed.answers[id];
        var known = data.scale.some(function (step) { return step.id === value; });
        if (questionIds.indexOf(id) !== -1 && known) answers[id] = value;
      });
      parsed.answers = answers;
      done(parsed);
      input.value = "";
    };
    reader.readAsText(file);
  }

  root.querySelector(".pc-diag__import").addEventListener("change", function (event) {
    readFile(event.target, function (parsed) {
      var s = state();
      s.current.answers = parsed.answers;
      s.current.name = parsed.name || s.current.name;
      s.current.stage = parsed.stage || "";
      save(s.all);
      restore();
      render();
      message.textContent = fill(ui.import_done, { count: Object.keys(parsed.answers).length });
    });
  });

  root.querySelector(".pc-diag__compare-file").addEventListener("change", function (event) {
    readFile(event.target, function (parsed) {
      var before = compute(data, parsed.answers, parsed.stage);
      var now = render();
      var box = root.querySelector(".pc-diag__compare");
      var head = box.querySelector("thead");
      head.innerHTML = "";
      var headRow = document.createElement("tr");
      [ui.col_principle, fill(ui.col_before, { date: parsed.date || "?" }), ui.col_now, ui.col_change].forEach(function (text) {
        var th = document.createElement("th");
        th.scope = "col";
        th.textContent = text;
        headRow.appendChild(th);
      });
      head.appendChild(headRow);
      var body = box.querySelector("tbody");
      body.innerHTML = "";
      now.principles.forEach(function (p, index) {
        var old = before.principles[index];
        var row = document.createElement("tr");
        row.setAttribute("data-principle", p.id);
        var cells = [
          p.label,
          percentText(old.score, ui.not_assessed),
          percentText(p.score, ui.not_assessed),
          old.score === null || p.score === null ? "—"
            : (percent(p.score) - percent(old.score) > 0 ? "+" : "") + (percent(p.score) - percent(old.score)) + " points"
        ];
        cells.forEach(function (text, cellIndex) {
          var cell = document.createElement(cellIndex === 0 ? "th" : "td");
          if (cellIndex === 0) cell.scope = "row";
          cell.textContent = text;
          row.appendChild(cell);
        });
        body.appendChild(row);
      });
      box.hidden = false;
    });
  });

  root.querySelector(".pc-diag__print").addEventListener("click", function () { window.print(); });
  root.querySelector(".pc-diag__reset").addEventListener("click", function () {
    if (!window.confirm(ui.reset_confirm)) return;
    var s = state();
    delete s.all.variants[variant];
    save(s.all);
    restore();
    render();
    if (root.classList.contains("pc-diag--steps")) showStep(0, false);
  });

  /* --- Steps: one principle at a time ------------------------------------ */
  var steps = Array.prototype.slice.call(root.querySelectorAll(".pc-diag__step")).filter(function (step) {
    return step.querySelector(".pc-diag__question");
  });
  var stepper = root.querySelector(".pc-diag__stepper");
  var progress = root.querySelector(".pc-diag__progress");
  var results = root.querySelector("#pc-diag-results");

  function showStep(index, moveFocus) {
    var s = state();
    var current = Math.max(0, Math.min(index, steps.length - 1));
    steps.forEach(function (step, position) { step.hidden = position !== current; });
    root.querySelectorAll(".pc-diag__step").forEach(function (step) {
      if (steps.indexOf(step) === -1) step.hidden = true;
    });
    progress.setAttribute("data-step", String(current + 1));
    stepProgress(s.current.answers);
    stepper.querySelector(".pc-diag__prev").disabled = current === 0;
    var next = stepper.querySelector(".pc-diag__next");
    next.textContent = current === steps.length - 1 ? next.getAttribute("data-last") : next.getAttribute("data-next");
    if (s.current.step !== current) {
      s.current.step = current;
      save(s.all);
    }
    if (moveFocus) {
      var heading = steps[current].querySelector("h3");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      progress.scrollIntoView({ block: "start" });
    }
  }

  // "Étape 2 sur 5 · réponses : 4 sur 21": a step can hold twenty questions or more,
  // several phone screens; the line stays in view (sticky) and counts as one answers.
  function stepProgress(answers) {
    if (!root.classList.contains("pc-diag--steps")) return;
    var current = Number(progress.getAttribute("data-step") || "1") - 1;
    var ids = Array.prototype.map.call(steps[current].querySelectorAll(".pc-diag__question"), function (fieldset) {
      return fieldset.getAttribute("data-question");
    });
    var answered = ids.filter(function (id) { return answers[id] !== undefined; }).length;
    progress.textContent = fill(ui.step_of, { step: current + 1, total: steps.length }) + " · " +
      fill(ui.step_answered, { answered: answered, count: ids.length });
  }

  if (steps.length > 1 && stepper && progress) {
    root.classList.add("pc-diag--steps");
    progress.hidden = false;
    stepper.hidden = false;
    stepper.querySelector(".pc-diag__prev").addEventListener("click", function () {
      showStep((state().current.step || 0) - 1, true);
    });
    stepper.querySelector(".pc-diag__next").addEventListener("click", function () {
      var at = state().current.step || 0;
      if (at >= steps.length - 1) {
        results.setAttribute("tabindex", "-1");
        results.focus();
        results.scrollIntoView({ block: "start" });
        return;
      }
      showStep(at + 1, true);
    });
    showStep(state().current.step || 0, false);
  }

  restore();
  render();
}

ready(init);
