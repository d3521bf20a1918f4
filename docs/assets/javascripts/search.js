/* Site search: Pagefind's JavaScript API behind an accessible combobox (WAI-ARIA 1.2,
 * listbox popup, aria-activedescendant), in the header's Material search box.
 *
 * Nothing is fetched before the field is used: pagefind/pagefind.js (then its
 * WebAssembly, the index chunks and page fragments a query needs) is imported on
 * the first focus of the field, key press in it, "/" shortcut or phone button.
 * Texts come from the page (data-ui, plateformcoop/locales/fr.yml). */

const PAGE = 5; // results whose fragment a search loads at once ("more" loads the next ones)
const MAX_TERMS = 3; // glossary terms shown for the glossary page
const DEBOUNCE_MS = 250; // a pause in typing before a search runs
const MIN_LENGTH = 2; // a single letter would fetch the index chunks of every word it starts

const root = document.querySelector("[data-pc-search]");
if (root) setup(root);

function setup(box) {
  const ui = JSON.parse(box.getAttribute("data-ui") || "{}");
  const input = box.querySelector("#pc-search-input");
  const listbox = box.querySelector("#pc-search-listbox");
  const status = box.querySelector(".pc-search__status");
  const none = box.querySelector(".pc-search__none");
  const filtersBox = box.querySelector(".pc-search__filters");
  const selects = Array.from(box.querySelectorAll("select[data-filter]"));
  const clear = box.querySelector(".pc-search__clear");
  const more = box.querySelector(".pc-search__more");
  const opener = document.querySelector(".pc-search__open");
  const toggle = document.getElementById("__search");
  const form = box.querySelector("form");
  const bundle = new URL(box.getAttribute("data-bundle") || "pagefind/", window.location.href);
  const catalog = new URL(box.getAttribute("data-catalog") || "pratiques/", window.location.href).href;

  let engine = null; // the promise of the loaded Pagefind module
  let generation = 0; // the latest query: older answers are dropped
  let options = []; // the option elements shown
  let active = -1;
  let current = null; // the search shown: {query, search, datas, loaded}
  let timer = 0;

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, (match, key) => (key in values ? values[key] : match));
  }

  function say(text) {
    status.textContent = text;
  }

  function load() {
    if (!engine) {
      say(ui.loading);
      engine = import(new URL("pagefind.js", bundle).href).then(async (pagefind) => {
        // Result URLs are relative to the site root (the site may be served under a path).
        // No web worker: one file less to fetch (12 KB), and a search over chunks
        // this size takes a few milliseconds on the page's own thread.
        // Ranking: a word typed without its accents ("cooperative") is the same word as
        // the accented one in the text; by default Pagefind ranks pages holding the
        // unaccented spelling (field names, identifiers of the contribution guide)
        // above those with the French word, which buried the cards.
        await pagefind.options({
          baseUrl: new URL("../", bundle).pathname,
          excerptLength: 24,
          noWorker: true,
          ranking: { diacriticSimilarity: 0 },
        });
        await pagefind.init();
        fillFilters(await pagefind.filters());
        if (!input.value.trim()) say(ui.hint);
        return pagefind;
      });
      engine.catch(() => {
        engine = null; // a later attempt may succeed (network back)
        say(ui.error);
      });
    }
    return engine;
  }

  /* --- Filters ------------------------------------------------------------------ */

  function fillFilters(available) {
    let any = false;
    for (const select of selects) {
      const values = Object.keys((available || {})[select.dataset.filter] || {}).sort((a, b) => a.localeCompare(b, "fr"));
      for (const value of values) {
        const option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        select.appendChild(option);
      }
      any = any || values.length > 0;
    }
    filtersBox.hidden = !any;
  }

  function chosenFilters() {
    const chosen = {};
    for (const select of selects) {
      if (select.value) chosen[select.dataset.filter] = select.value;
    }
    return chosen;
  }

  function showCounts(counts) {
    for (const select of selects) {
      const values = (counts || {})[select.dataset.filter] || {};
      for (const option of select.options) {
        if (!option.value) continue;
        option.textContent = `${option.value} (${values[option.value] || 0})`;
      }
    }
  }

  /* --- Opening and closing ------------------------------------------------------ */

  function isOpen() {
    return Boolean(toggle && toggle.checked);
  }

  function open() {
    if (toggle) toggle.checked = true;
    if (opener) opener.setAttribute("aria-expanded", "true");
    setExpanded();
    load();
  }

  function close() {
    if (toggle) toggle.checked = false;
    if (opener) opener.setAttribute("aria-expanded", "false");
    setActive(-1);
    setExpanded();
  }

  function setExpanded() {
    input.setAttribute("aria-expanded", String(isOpen() && !listbox.hidden));
  }

  /* --- Results ------------------------------------------------------------------ */

  // Pagefind's excerpts are escaped text with <mark> around the words found: rebuilt
  // as text nodes and <mark> elements, nothing else from them reaches the page.
  function excerpt(html) {
    const span = document.createElement("span");
    span.className = "pc-search__excerpt";
    const decode = document.createElement("textarea");
    String(html || "").split(/(<mark>|<\/mark>)/).reduce((marked, part) => {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      decode.innerHTML = part;
      const text = document.createTextNode(decode.value);
      if (marked) {
        const mark = document.createElement("mark");
        mark.appendChild(text);
        span.appendChild(mark);
      } else {
        span.appendChild(text);
      }
      return marked;
    }, false);
    return span;
  }

  function item(entry, index) {
    const link = document.createElement("a");
    link.className = "md-search-result__link pc-search__option";
    link.id = `pc-search-option-${index}`;
    link.setAttribute("role", "option");
    link.setAttribute("aria-selected", "false");
    link.tabIndex = -1;
    link.href = entry.url;
    const kind = document.createElement("span");
    kind.className = "pc-search__kind";
    kind.textContent = entry.type;
    const title = document.createElement("span");
    title.className = "pc-search__title";
    title.textContent = entry.title;
    link.append(kind, title, excerpt(entry.excerpt));
    return link;
  }

  // One entry per page; the glossary page gives one entry per term found.
  function entries(data) {
    const type = (data.meta && data.meta.type) || (ui.types || {}).page || "";
    if (data.meta && data.meta.kind === "glossary") {
      const page = data.url.split("#")[0];
      // Its entries are its second-level headings (the first is the page's title).
      const terms = (data.sub_results || []).filter((sub) => sub.anchor && sub.anchor.element === "h2" && sub.url.split("#")[0] === page);
      if (terms.length) {
        return terms.slice(0, MAX_TERMS).map((sub) => ({ url: sub.url, title: sub.title, excerpt: sub.excerpt, type }));
      }
    }
    return [{ url: data.url, title: (data.meta && data.meta.title) || data.url, excerpt: data.excerpt, type }];
  }

  function render(query, search, datas, loaded) {
    current = { query, search, datas, loaded };
    more.hidden = loaded >= search.results.length;
    const shown = datas.flatMap(entries);
    listbox.replaceChildren(...shown.map(item));
    options = Array.from(listbox.children);
    listbox.hidden = options.length === 0;
    setActive(-1);
    showCounts(search.filters);
    // The total counts pages; the glossary page counts for the terms it shows.
    const total = search.results.length + shown.length - datas.length;
    if (!total) {
      say(fill(ui.none, { query }));
      none.replaceChildren(document.createTextNode(`${ui.none_hint} `));
      const link = document.createElement("a");
      link.href = catalog;
      link.textContent = ui.catalog_link;
      none.append(link, document.createTextNode("."));
      none.hidden = false;
    } else {
      none.hidden = true;
      if (search.results.length > loaded) say(fill(ui.shown, { count: total, shown: shown.length }));
      else say(total === 1 ? ui.count_one : fill(ui.count, { count: total }));
    }
    setExpanded();
    box.setAttribute("data-query", query); // the query the list shows (tests wait on it)
  }

  // Offline, only the fragments fetched before (kept by sw.js) load: those are shown.
  async function fetchData(results) {
    const settled = await Promise.allSettled(results.map((result) => result.data()));
    const datas = settled.filter((entry) => entry.status === "fulfilled").map((entry) => entry.value);
    if (settled.length && !datas.length) throw new Error("no fragment");
    return datas;
  }

  async function showMore() {
    if (!current) return;
    const ticket = generation;
    const next = current.search.results.slice(current.loaded, current.loaded + PAGE);
    try {
      const datas = await fetchData(next);
      if (ticket !== generation) return;
      const first = options.length;
      render(current.query, current.search, current.datas.concat(datas), current.loaded + next.length);
      input.focus();
      setActive(Math.min(first, options.length - 1));
    } catch (error) {
      if (ticket === generation) say(ui.error);
    }
  }

  function reset(message) {
    generation += 1;
    current = null;
    more.hidden = true;
    listbox.replaceChildren();
    listbox.hidden = true;
    options = [];
    none.hidden = true;
    setActive(-1);
    setExpanded();
    say(message);
    box.removeAttribute("data-query");
  }

  async function run() {
    const query = input.value.trim();
    const filters = chosenFilters();
    clear.hidden = input.value === "";
    if (query.length < MIN_LENGTH && !Object.keys(filters).length) {
      reset(engine ? ui.hint : status.textContent);
      return;
    }
    const ticket = ++generation;
    let pagefind;
    try {
      pagefind = await load();
    } catch (error) {
      return; // load() said so
    }
    try {
      const term = query.length >= MIN_LENGTH ? query : null;
      const search = await pagefind.search(term, { filters });
      if (ticket !== generation) return; // a newer query replaced it
      const first = search.results.slice(0, PAGE);
      const datas = await fetchData(first);
      if (ticket !== generation) return;
      render(query, search, datas, first.length);
    } catch (error) {
      if (ticket === generation) say(ui.error);
    }
  }

  /* --- Keyboard ------------------------------------------------------------------ */

  function setActive(index) {
    if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
    active = index;
    if (active >= 0 && options[active]) {
      options[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function move(step) {
    if (!isOpen()) open();
    if (!options.length) return;
    const next = active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length;
    setActive(next);
  }

  function leave() {
    close();
    if (opener && opener.offsetParent !== null) opener.focus();
    else input.blur();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", () => {
    if (!isOpen()) open();
    // Debounced here rather than with pagefind.debouncedSearch, which fetches the
    // index chunks of every intermediate prefix as it is typed (measured: three
    // chunks instead of one for "coopérative" at 1,000 cards).
    window.clearTimeout(timer);
    timer = window.setTimeout(run, DEBOUNCE_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        move(1);
        break;
      case "ArrowUp":
        event.preventDefault();
        move(-1);
        break;
      case "Enter": {
        event.preventDefault();
        const target = options[active >= 0 ? active : 0];
        if (target) window.location.assign(target.href);
        break;
      }
      case "Escape":
        event.preventDefault();
        event.stopPropagation();
        if (input.value && !isOpen()) {
          input.value = "";
          run();
        } else {
          leave();
        }
        break;
      default:
        load();
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  selects.forEach((select) => select.addEventListener("change", () => run()));
  more.addEventListener("click", showMore);
  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && event.target !== input) {
      event.preventDefault();
      leave();
    }
  });
  clear.addEventListener("click", () => {
    input.value = "";
    input.focus();
    run();
  });
  // Leaving the search box with Tab or a click elsewhere closes it.
  box.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !box.contains(event.relatedTarget)) close();
  });
  // Material's overlay and back arrow are labels of the "__search" toggle.
  if (toggle) {
    toggle.addEventListener("change", () => {
      if (opener) opener.setAttribute("aria-expanded", String(toggle.checked));
      setExpanded();
      if (toggle.checked) return;
      setActive(-1);
      // Closed by the back arrow on a phone: focus must not stay in the hidden field.
      if (box.contains(document.activeElement)) leave();
    });
  }
  if (opener) {
    opener.addEventListener("click", () => {
      open();
      input.focus();
    });
  }
  // "/" opens the search from anywhere but a text field (as on the rest of Material sites).
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    open();
    input.focus();
    input.select();
  });
}
