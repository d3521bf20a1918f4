/* Catalog filters and sorting: progressive enhancement of the server-rendered list.
 * Without JavaScript every card is listed; the filters' disclosure still opens
 * and says they need scripts. Within a group, options add up (OR); across groups
 * they narrow (AND). Active filters are shown as chips that remove them. The
 * current filter and sort live in the URL query (?theme=a&public=b&tri=impact). */
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
  var panel = document.getElementById("pc-filters-panel");
  var active = panel ? panel.querySelector(".pc-finder__active") : null;
  var chips = document.getElementById("pc-chips");
  var chipList = chips ? chips.querySelector("ul") : null;
  var sort = document.getElementById("pc-sort");
  var order = items.slice();  // the page's order: A to Z

  function labelOf(box) {
    var legend = box.closest("fieldset").querySelector("legend").textContent.trim();
    // The option's own words: the label's text, without its count.
    var label = Array.prototype.filter.call(box.parentNode.childNodes, function (node) {
      return node.nodeType === Node.TEXT_NODE;
    }).map(function (node) { return node.nodeValue; }).join(" ");
    return legend + " : " + label.trim();
  }

  function showChips() {
    var checked = boxes.filter(function (box) { return box.checked; });
    if (active) {
      active.textContent = checked.length ? fill(checked.length === 1 ? active.dataset.templateOne
        : active.dataset.templateMany, { count: checked.length }) : "";
    }
    if (!chips || !chipList) return;
    chipList.textContent = "";
    checked.forEach(function (box) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      var label = labelOf(box);
      button.type = "button";
      button.className = "pc-chip";
      button.setAttribute("aria-label", fill(chipList.dataset.remove, { label: label }));
      button.appendChild(document.createTextNode(label + " "));
      var cross = document.createElement("span");
      cross.setAttribute("aria-hidden", "true");
      cross.textContent = "×";
      button.appendChild(cross);
      button.addEventListener("click", function () {
        var index = checked.indexOf(box);
        box.checked = false;
        update(true);
        // Focus goes to the next chip, or to the filters' toggle when none is left.
        var rest = chipList.querySelectorAll("button");
        var next = rest[Math.min(index, rest.length - 1)] || (panel && panel.querySelector("summary"));
        if (next) next.focus();
      });
      item.appendChild(button);
      chipList.appendChild(item);
    });
    chips.hidden = !checked.length;
  }

  function applySort() {
    if (!sort) return;
    var key = "sort" + sort.value.charAt(0).toUpperCase() + sort.value.slice(1);
    var option = sort.options[sort.selectedIndex];
    var sign = option && option.dataset.order === "desc" ? -1 : 1;
    var sorted = order.slice().sort(function (a, b) {
      var difference = sign * (Number(a.dataset[key]) - Number(b.dataset[key]));
      return difference || Number(a.dataset.sortAz) - Number(b.dataset.sortAz);
    });
    sorted.forEach(function (item) { list.appendChild(item); });
  }

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
    showChips();
    if (pushUrl) {
      var params = new URLSearchParams();
      Object.keys(selected).forEach(function (param) {
        selected[param].forEach(function (value) { params.append(param, value); });
      });
      if (sort && sort.selectedIndex > 0) params.set("tri", sort.value);
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

  // Restore the filter from the URL.
  var params = new URLSearchParams(location.search);
  boxes.forEach(function (box) {
    box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
  });
  if (sort) {
    var wanted = (params.get("tri") || "").replace(/[^\w-]/g, "");
    if (wanted && sort.querySelector('option[value="' + wanted + '"]')) sort.value = wanted;
    sort.parentNode.hidden = false;
    sort.addEventListener("change", function () {
      applySort();
      update(true);
    });
    applySort();
  }
  form.hidden = false;
  form.addEventListener("change", function () { update(true); });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { update(true); }, 0);
  });
  update(false);
}

ready(init);
