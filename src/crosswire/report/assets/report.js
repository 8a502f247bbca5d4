/* Crosswire dossier: evidence highlighting, search and filters, JSON download. No libraries, no network. */
(function () {
  "use strict";
  var doc = document;
  var byId = function (id) { return doc.getElementById(id); };
  var all = function (selector, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(selector)); };
  var has = function (list, token) { return (" " + list + " ").indexOf(" " + token + " ") >= 0; };

  /* --- JSON download: the embedded dossier, as a file --------------------------------------------------------- */
  var data = byId("dossier-data");
  var download = byId("download-json");
  if (data && download) {
    try {
      var text = JSON.stringify(JSON.parse(data.textContent), null, 2) + "\n";
      download.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    } catch (error) {
      download.hidden = true;
    }
  }

  /* --- filters ------------------------------------------------------------------------------------------------ */
  var form = byId("filters");
  var inputs = {
    q: byId("filter-text"), entity: byId("filter-entity"), outlet: byId("filter-outlet"),
    from: byId("filter-from"), to: byId("filter-to")
  };
  var status = byId("filter-status");

  function state() {
    var value = function (input) { return input ? input.value.trim() : ""; };
    return {
      q: value(inputs.q).toLowerCase(), entity: value(inputs.entity), outlet: value(inputs.outlet),
      from: value(inputs.from), to: value(inputs.to)
    };
  }

  function matches(element, s) {
    var fe = element.getAttribute("data-fe");
    if (s.entity && fe !== null && !has(fe, s.entity)) { return false; }
    var fo = element.getAttribute("data-fo");
    if (s.outlet && fo !== null && !has(fo, s.outlet)) { return false; }
    if (s.from || s.to) {
      var fd = element.getAttribute("data-fd");
      if (!fd) { return false; }
      var range = fd.split(" ");
      if (s.from && range[1] < s.from) { return false; }
      if (s.to && range[0] > s.to) { return false; }
    }
    if (s.q && element.textContent.toLowerCase().indexOf(s.q) < 0) { return false; }
    return true;
  }

  // Whether an item says anything about every criterion set (a coverage row names no entity, so it cannot keep a
  // story on the page while an entity is chosen).
  function counts(element, s) {
    return (!s.entity || element.hasAttribute("data-fe")) && (!s.outlet || element.hasAttribute("data-fo")) &&
      (!(s.from || s.to) || element.hasAttribute("data-fd"));
  }

  function apply() {
    var s = state();
    var active = Boolean(s.q || s.entity || s.outlet || s.from || s.to);
    all("[data-f]").forEach(function (element) {
      element.classList.toggle("filtered-out", active && !matches(element, s));
    });
    var articles = all("article.doc");
    var shown = {};
    var shownCount = 0;
    articles.forEach(function (article) {
      if (!article.classList.contains("filtered-out")) { shown[article.id] = true; shownCount += 1; }
    });
    // A story stays while one of its articles, or anything in it (an event, a claim, a dated entry), matches.
    var stories = all("section.story");
    var storiesShown = 0;
    stories.forEach(function (section) {
      var ids = (section.getAttribute("data-story") || "").split(" ").filter(Boolean);
      var visible = !active || ids.some(function (id) { return shown[id]; }) ||
        all("[data-f]", section).some(function (item) { return counts(item, s) && !item.classList.contains("filtered-out"); });
      section.classList.toggle("filtered-out", !visible);
      if (visible) { storiesShown += 1; }
    });
    all("[data-section]").forEach(function (row) {
      var section = byId(row.getAttribute("data-section"));
      row.classList.toggle("filtered-out", Boolean(section && section.classList.contains("filtered-out")));
    });
    all("[data-list]").forEach(function (list) {
      var items = all("[data-f]", list);
      var none = list.querySelector(".none-match");
      if (none) {
        none.classList.toggle("show", items.length > 0 && items.every(function (item) {
          return item.classList.contains("filtered-out");
        }));
      }
    });
    all(".m.entity-on").forEach(function (mention) { mention.classList.remove("entity-on"); });
    if (s.entity) {
      all('.m[data-e="' + s.entity + '"]').forEach(function (mention) { mention.classList.add("entity-on"); });
    }
    if (status) {
      status.textContent = active
        ? "Showing " + shownCount + " of " + articles.length + " articles, " + storiesShown + " of " + stories.length + " stories"
        : articles.length + " articles, " + stories.length + " stories";
    }
  }

  function clearFilters() {
    Object.keys(inputs).forEach(function (key) { if (inputs[key]) { inputs[key].value = ""; } });
    apply();
  }

  if (form) {
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  doc.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var button = target && target.closest("[data-filter-entity], [data-filter-outlet]");
    if (!button) { return; }
    var entity = button.getAttribute("data-filter-entity");
    var outlet = button.getAttribute("data-filter-outlet");
    if (entity !== null && inputs.entity) { inputs.entity.value = entity; }
    if (outlet !== null && inputs.outlet) { inputs.outlet.value = outlet; }
    apply();
    if (form) { form.scrollIntoView({ block: "nearest" }); }
  });

  /* --- evidence: follow a claim, a cell or an event to its passages and light them up ------------------------ */
  var bar = byId("evidence-bar");
  var label = byId("evidence-label");
  var count = byId("evidence-count");
  var lit = [];
  var stops = [];
  var cursor = 0;

  function unlight() {
    lit.forEach(function (element) { element.classList.remove("hl", "hl-current"); });
    lit = [];
    stops = [];
    if (bar) { bar.hidden = true; }
  }

  function reveal(element) {
    if (element.closest(".filtered-out")) { clearFilters(); }
    var details = element.closest("details");
    if (details) { details.open = true; }
  }

  function focusStop(index) {
    if (!stops.length) { return; }
    cursor = (index + stops.length) % stops.length;
    lit.forEach(function (element) { element.classList.remove("hl-current"); });
    var stop = stops[cursor];
    var token = stop.getAttribute("data-stop");
    lit.forEach(function (element) { if (element.getAttribute("data-stop") === token) { element.classList.add("hl-current"); } });
    reveal(stop);
    stop.scrollIntoView({ block: "center" });
    if (count) { count.textContent = stops.length > 1 ? (cursor + 1) + " of " + stops.length : "1 passage"; }
  }

  function light(token, text, preferred) {
    unlight();
    lit = all('[data-k~="' + token + '"]');
    if (!lit.length) { return false; }
    var stop = null;
    lit.forEach(function (element) {
      element.classList.add("hl");
      if (element.id) { stop = element; stops.push(element); }
      element.setAttribute("data-stop", (stop || element).id || "");
    });
    if (!stops.length) { stops = [lit[0]]; }
    if (bar) {
      bar.hidden = false;
      if (label) { label.textContent = text || ""; }
    }
    var start = preferred ? stops.indexOf(preferred) : 0;
    focusStop(start < 0 ? 0 : start);
    return true;
  }

  doc.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var link = target && target.closest("a[data-show]");
    if (!link) { return; }
    var href = link.getAttribute("href") || "";
    var preferred = href.charAt(0) === "#" ? byId(decodeURIComponent(href.slice(1))) : null;
    var what = link.getAttribute("data-what") || link.textContent.trim().replace(/\s+/g, " ");
    if (light(link.getAttribute("data-show"), what, preferred)) {
      event.preventDefault();
      if (href.charAt(0) === "#" && history.pushState) { history.pushState(null, "", href); }
    }
  });

  function followHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) { return; }
    var element = byId(id);
    if (!element) { return; }
    reveal(element);
    var tokens = element.getAttribute("data-k");
    if (tokens && has(tokens, id)) { light(id, element.textContent.trim(), element); } else { element.scrollIntoView(); }
  }

  if (byId("filter-clear")) { byId("filter-clear").addEventListener("click", clearFilters); }
  if (byId("evidence-prev")) { byId("evidence-prev").addEventListener("click", function () { focusStop(cursor - 1); }); }
  if (byId("evidence-next")) { byId("evidence-next").addEventListener("click", function () { focusStop(cursor + 1); }); }
  if (byId("evidence-clear")) { byId("evidence-clear").addEventListener("click", unlight); }
  doc.addEventListener("keydown", function (event) { if (event.key === "Escape") { unlight(); } });
  window.addEventListener("hashchange", followHash);

  apply();
  followHash();
})();
