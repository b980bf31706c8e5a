// timeline.js: filters the timeline by source and by date range. The
// filter is kept in the address (?source=ID&from=YYYY-MM-DD&to=YYYY-MM-DD)
// beside the #event-id deep link, so both survive a reload; a deep link to
// an event the filter hides clears the filter. Without this script the
// page shows every event and the form stays hidden.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || !window.URLSearchParams || !history.replaceState) return;
  var entries = [].slice.call(document.querySelectorAll(".timeline .entry"));
  var years = [].slice.call(document.querySelectorAll("section.year"));
  var status = document.getElementById("filter-count");
  var keys = ["source", "from", "to"];
  var field = function (k) { return form.elements[k]; };
  // The sources to filter by: those of the list of sources, numbered as
  // there.
  [].forEach.call(document.querySelectorAll("#sources li[id^='src-']"), function (li, i) {
    var o = document.createElement("option"), a = li.querySelector("a");
    o.value = li.id.slice(4);
    o.textContent = (i + 1) + ". " + (a ? a.textContent : o.value);
    field("source").appendChild(o);
  });

  function matches(li) {
    var s = field("source").value, from = field("from").value, to = field("to").value;
    if (s && (" " + li.getAttribute("data-sources") + " ").indexOf(" " + s + " ") < 0) return false;
    if (!from && !to) return true;
    var start = li.getAttribute("data-start"), end = li.getAttribute("data-end") || start;
    return !!start && (!from || end >= from) && (!to || start <= to);
  }

  function apply() {
    var shown = 0, active = keys.some(function (k) { return field(k).value; });
    entries.forEach(function (li) {
      li.hidden = !matches(li);
      if (!li.hidden) shown++;
    });
    years.forEach(function (s) { s.hidden = !s.querySelector(".entry:not([hidden])"); });
    status.textContent = active ? shown + " of " + entries.length + " events shown" : "";
  }

  function save() {
    var q = new URLSearchParams();
    keys.forEach(function (k) { if (field(k).value) q.set(k, field(k).value); });
    q = q.toString();
    history.replaceState(history.state, "", location.pathname + (q ? "?" + q : "") + location.hash);
  }

  // reveal makes the event the address points to visible.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el || !el.closest("[hidden]")) return;
    form.reset();
    keys.forEach(function (k) { field(k).value = ""; });
    apply();
    save();
    el.scrollIntoView();
  }

  var q = new URLSearchParams(location.search);
  keys.forEach(function (k) { if (q.get(k)) field(k).value = q.get(k); });
  form.hidden = false;
  form.addEventListener("change", function () { apply(); save(); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(); save(); }, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("hashchange", reveal);
  apply();
  reveal();
})();
