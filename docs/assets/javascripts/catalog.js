/* Catalog filters: progressive enhancement of the server-rendered list.
 * Without JavaScript every card is listed and the form stays hidden.
 * Within a group, options add up (OR); across groups they narrow (AND).
 * The current filter lives in the URL query (?theme=a&public=b): shareable. */
import { fill, ready } from "./helpers.js";

function init() {
  var form = document.getElementById("pc-filters");
  var list = document.getElementById("pc-catalog");
  var status = document.getElementById("pc-results");
  if (!form || !list || !status || form.dataset.ready) return;
  form.dataset.ready = "1";
  var items = Array.prototype.slice.call(list.querySelectorAll(".pc-catalog__item"));
  var groups = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-param]"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));

  function selection() {
    var selected = {};
    groups.forEach(function (group) {
      var param = group.dataset.param;
      var values = Array.prototype.slice
        .call(group.querySelectorAll("input:checked"))
        .map(function (box) { return box.value; });
      if (values.length) selected[param] = values;
    });
    return selected;
  }

  function matches(item, selected, skipParam) {
    return Object.keys(selected).every(function (param) {
      if (param === skipParam) return true;
      var own = (item.getAttribute("data-" + param) || "").split(" ");
      return selected[param].some(function (value) { return own.indexOf(value) !== -1; });
    });
  }

  function say(count) {
    var template = count === 0 ? form.dataset.countNone
      : count === 1 ? form.dataset.countOne : form.dataset.countMany;
    return fill(template, { count: count });
  }

  function update(pushUrl) {
    var selected = selection();
    var shown = 0;
    items.forEach(function (item) {
      var visible = matches(item, selected, null);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    // Each option shows how many cards it would give, the other groups being kept.
    boxes.forEach(function (box) {
      var param = box.name;
      var count = items.filter(function (item) {
        var own = (item.getAttribute("data-" + param) || "").split(" ");
        return own.indexOf(box.value) !== -1 && matches(item, selected, param);
      }).length;
      var badge = form.querySelector('[data-count-for="' + param + ":" + box.value + '"]');
      if (badge) badge.textContent = "(" + count + ")";
    });
    status.textContent = say(shown);
    if (pushUrl) {
      var params = new URLSearchParams();
      Object.keys(selected).forEach(function (param) {
        selected[param].forEach(function (value) { params.append(param, value); });
      });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

  // Restore the filter from the URL.
  var params = new URLSearchParams(location.search);
  boxes.forEach(function (box) {
    box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
  });
  form.hidden = false;
  form.addEventListener("change", function () { update(true); });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { update(true); }, 0);
  });
  update(false);
}

ready(init);
