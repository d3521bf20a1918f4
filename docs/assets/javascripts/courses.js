/* Training modules: progress, quizzes and attestation, kept in this browser only.
 * Everything is stored in localStorage under one key; nothing is ever sent.
 * Pages work without JavaScript (lessons readable, quiz answers in a <details>);
 * this script adds the interactive parts. */
import { frenchDate, fill, ready, store, today } from "./helpers.js";
import { precache } from "./common.js";

var KEY = "plateformcoop:progress:v1";

var storage = store(KEY);
var load = storage.load;
var save = storage.save;

function courseState(data, courseId) {
  data.courses = data.courses || {};
  var state = data.courses[courseId] || {};
  state.done = state.done || {};
  state.quizzes = state.quizzes || {};
  data.courses[courseId] = state;
  return state;
}

function ids(element) {
  return (element.getAttribute("data-lessons") || "").split(" ").filter(Boolean);
}

/* --- Quizzes ------------------------------------------------------------ */

function quizScore(form) {
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  var chosen = inputs.filter(function (input) { return input.checked; });
  var right = inputs.every(function (input) {
    return input.checked === (input.getAttribute("data-correct") === "true");
  });
  var someRight = chosen.some(function (input) { return input.getAttribute("data-correct") === "true"; });
  return { inputs: inputs, chosen: chosen, right: right, someRight: someRight };
}

function showQuiz(form, announce) {
  var score = quizScore(form);
  var result = form.querySelector(".pc-quiz__result");
  if (!score.chosen.length) {
    result.textContent = form.getAttribute("data-choose-text");
    return null;
  }
  score.inputs.forEach(function (input) {
    var feedback = document.getElementById(input.id + "-feedback");
    var correct = input.getAttribute("data-correct") === "true";
    var answer = input.closest(".pc-quiz__answer");
    answer.classList.toggle("pc-quiz__answer--right", correct && (input.checked || score.right));
    answer.classList.toggle("pc-quiz__answer--wrong", input.checked && !correct);
    if (feedback) {
      var visible = input.checked || (score.right && correct);
      feedback.hidden = !visible;
      if (visible) {
        var label = correct ? form.getAttribute("data-right-label") : form.getAttribute("data-wrong-label");
        feedback.setAttribute("data-label", label);
        input.setAttribute("aria-describedby", feedback.id);
      }
    }
  });
  var explanation = document.getElementById(form.id + "-explanation");
  if (explanation) explanation.hidden = false;
  var text = score.right ? form.getAttribute("data-correct-text")
    : score.someRight ? form.getAttribute("data-partial-text") : form.getAttribute("data-wrong-text");
  var feedbacks = score.chosen.map(function (input) {
    var feedback = document.getElementById(input.id + "-feedback");
    return feedback ? feedback.textContent : "";
  }).join(" ");
  if (announce) result.textContent = text + " " + feedbacks;
  else result.textContent = text;
  return score;
}

function initQuizzes(courseId) {
  var forms = Array.prototype.slice.call(document.querySelectorAll("form.pc-quiz"));
  forms.forEach(function (form) {
    if (form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    // The static answer list is for readers without JavaScript and for print.
    var answers = document.getElementById(form.id + "-answers");
    if (answers) answers.classList.add("pc-quiz__answers--static");
    var quizId = form.getAttribute("data-quiz");
    var stored = courseState(load(), courseId).quizzes[quizId];
    if (stored && stored.choice) {
      stored.choice.forEach(function (value) {
        var input = form.querySelector('input[value="' + value + '"]');
        if (input) input.checked = true;
      });
      showQuiz(form, false);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var score = showQuiz(form, true);
      if (!score) return;
      var data = load();
      courseState(data, courseId).quizzes[quizId] = {
        choice: score.chosen.map(function (input) { return input.value; }),
        correct: score.right,
        date: today()
      };
      save(data);
    });
  });
}

/* --- Lesson page -------------------------------------------------------- */

function initLesson(box) {
  var courseId = box.getAttribute("data-course");
  var lessonId = box.getAttribute("data-lesson");
  var button = box.querySelector(".pc-lesson__done");
  var status = box.querySelector(".pc-lesson__status");
  var data = load();
  var state = courseState(data, courseId);
  state.last = lessonId;
  save(data);

  function render() {
    var done = Boolean(courseState(load(), courseId).done[lessonId]);
    button.setAttribute("aria-pressed", done ? "true" : "false");
    button.textContent = done ? box.getAttribute("data-marked") : box.getAttribute("data-mark");
    button.classList.toggle("pc-lesson__done--on", done);
  }

  button.hidden = false;
  render();
  button.addEventListener("click", function () {
    var current = load();
    var lessonState = courseState(current, courseId);
    if (lessonState.done[lessonId]) {
      delete lessonState.done[lessonId];
      status.textContent = box.getAttribute("data-undone-status");
    } else {
      lessonState.done[lessonId] = today();
      status.textContent = box.getAttribute("data-done-status");
    }
    save(current);
    render();
  });
  initQuizzes(courseId);
}

/* --- Course page -------------------------------------------------------- */

function initCourse(box) {
  var courseId = box.getAttribute("data-course");
  var lessons = ids(box);
  var urls = JSON.parse(box.getAttribute("data-urls") || "{}");
  var bar = box.querySelector(".pc-progress__bar");
  var text = box.querySelector(".pc-progress__text");
  var resume = box.querySelector(".pc-progress__resume");
  var reset = box.querySelector(".pc-progress__reset");

  function render() {
    var state = courseState(load(), courseId);
    var done = lessons.filter(function (id) { return state.done[id]; });
    bar.value = done.length;
    text.textContent = fill(box.getAttribute("data-text"), { done: done.length, total: lessons.length });
    document.querySelectorAll(".pc-lesson-status").forEach(function (mark) {
      var isDone = Boolean(state.done[mark.getAttribute("data-lesson")]);
      mark.textContent = isDone ? "✓ " + mark.getAttribute("data-done") : "";
    });
    var next = lessons.filter(function (id) { return !state.done[id]; })[0];
    if (done.length === 0 && !state.last) return;
    var target = done.length === lessons.length ? lessons[0] : (next || state.last);
    resume.href = urls[target] || resume.href;
    resume.textContent = done.length === lessons.length
      ? box.getAttribute("data-review") : box.getAttribute("data-resume");
    reset.hidden = false;
  }

  render();
  reset.addEventListener("click", function () {
    if (!window.confirm(box.getAttribute("data-confirm"))) return;
    var data = load();
    if (data.courses) delete data.courses[courseId];
    save(data);
    window.location.reload();
  });
}

/* --- Attestation -------------------------------------------------------- */

function initAttestation(box) {
  var courseId = box.getAttribute("data-course");
  var lessons = ids(box);
  var data = load();
  var state = courseState(data, courseId);
  var remaining = lessons.filter(function (id) { return !state.done[id]; });
  box.querySelectorAll(".pc-att__remaining li").forEach(function (item) {
    item.hidden = Boolean(state.done[item.getAttribute("data-lesson")]);
  });
  if (remaining.length) return;
  box.querySelector(".pc-att__incomplete").hidden = true;
  box.querySelector(".pc-att__complete").hidden = false;
  var last = lessons.map(function (id) { return state.done[id]; }).sort().pop();
  box.querySelector(".pc-att__completed").textContent = frenchDate(last);
  box.querySelectorAll(".pc-att__table tbody tr").forEach(function (row) {
    var lessonId = row.getAttribute("data-lesson");
    row.querySelector(".pc-att__date").textContent = frenchDate(state.done[lessonId]);
    var count = Number(row.getAttribute("data-quizzes"));
    if (!count) return;
    var right = 0;
    for (var n = 1; n <= count; n += 1) {
      var result = state.quizzes["quiz-" + lessonId + "-" + n];
      if (result && result.correct) right += 1;
    }
    row.querySelector(".pc-att__score").textContent = right + " / " + count;
  });
  var input = box.querySelector("#pc-att-name");
  var output = box.querySelector(".pc-att__name");
  input.value = data.name || "";
  output.textContent = input.value || "…";
  input.addEventListener("input", function () {
    output.textContent = input.value || "…";
    var current = load();
    current.name = input.value;
    save(current);
  });
  box.querySelector(".pc-att__print").addEventListener("click", function () { window.print(); });
}

/* --- Offline copy of a module ------------------------------------------ */

function initOffline(box) {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  box.hidden = false;
  var status = box.querySelector(".pc-offline__status");
  box.querySelector(".pc-offline__button").addEventListener("click", function () {
    var urls = JSON.parse(box.getAttribute("data-urls") || "[]").map(function (url) {
      return new URL(url, window.location.href).href;
    });
    precache(urls, function (ok) {
      status.textContent = box.getAttribute(ok ? "data-done" : "data-failed");
    });
  });
}

function init() {
  document.querySelectorAll(".pc-offline[data-urls]").forEach(initOffline);
  document.querySelectorAll(".pc-lesson[data-course]").forEach(initLesson);
  document.querySelectorAll(".pc-progress[data-course]").forEach(initCourse);
  document.querySelectorAll(".pc-attestation[data-course]").forEach(initAttestation);
}

// Printing shows every solution and answer, whatever the learner opened.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (details) {
    details.setAttribute("data-was-open", details.open ? "1" : "");
    details.open = true;
  });
});
window.addEventListener("afterprint", function () {
  document.querySelectorAll("details[data-was-open]").forEach(function (details) {
    details.open = details.getAttribute("data-was-open") === "1";
    details.removeAttribute("data-was-open");
  });
});

ready(init);
