/* vaultkg site: claim filters and search. No network access: the search index is a script. */
(function () {
  "use strict";

  function claimFilters() {
    var form = document.getElementById("claim-filters");
    if (!form) return;
    var items = Array.prototype.slice.call(document.querySelectorAll("#claims-list > li"));
    var count = document.getElementById("claim-count");
    function apply() {
      var level = form.elements.level.value;
      var certainty = form.elements.certainty.value;
      var note = form.elements.note.value;
      var text = form.elements.text.value.trim().toLowerCase();
      var shown = 0;
      items.forEach(function (li) {
        var ok = (!level || li.dataset.level === level) &&
          (!certainty || li.dataset.certainty === certainty) &&
          (!note || li.dataset.note === note) &&
          (!text || li.textContent.toLowerCase().indexOf(text) !== -1);
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown + (shown === 1 ? " claim" : " claims");
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    var params = new URLSearchParams(window.location.search);
    ["level", "certainty", "note", "text"].forEach(function (k) {
      if (params.get(k)) form.elements[k].value = params.get(k);
    });
    apply();
  }

  /* the matrix: rows by drug class, columns by target family, entries by evidence level */
  function matrixFilters() {
    var form = document.getElementById("matrix-filters");
    if (!form) return;
    var order = ["unsupported", "very-low", "low", "moderate", "high"];
    var rows = Array.prototype.slice.call(document.querySelectorAll(".matrix tbody tr"));
    var heads = Array.prototype.slice.call(document.querySelectorAll(".matrix thead th:not(.corner)"));
    var count = document.getElementById("matrix-count");
    function has(el, group) { return (" " + el.dataset.groups + " ").indexOf(" " + group + " ") !== -1; }
    function apply() {
      var cls = form.elements["class"].value;
      var family = form.elements.family.value;
      var least = order.indexOf(form.elements.level.value);
      var colShown = heads.map(function (th) { return !family || has(th, family); });
      var colUsed = heads.map(function () { return false; });
      var shownRows = 0;
      rows.forEach(function (tr) {
        var any = false;
        var cells = tr.querySelectorAll("td");
        for (var i = 0; i < cells.length; i++) {
          var visible = 0;
          cells[i].querySelectorAll(".cell-rel").forEach(function (a) {
            var ok = least === -1 || order.indexOf(a.dataset.level) >= least;
            a.hidden = !ok;
            if (ok) visible += 1;
          });
          if (visible && colShown[i]) { any = true; }
        }
        tr.hidden = (cls && !has(tr, cls)) || !any;
        if (!tr.hidden) {
          shownRows += 1;
          for (var j = 0; j < cells.length; j++) {
            if (cells[j].querySelector(".cell-rel:not([hidden])")) colUsed[j] = true;
          }
        }
      });
      var shownCols = 0;
      heads.forEach(function (th, i) {
        var show = colShown[i] && colUsed[i];
        th.hidden = !show;
        rows.forEach(function (tr) { tr.querySelectorAll("td")[i].hidden = !show; });
        if (show) shownCols += 1;
      });
      count.textContent = shownRows + (shownRows === 1 ? " drug × " : " drugs × ") +
        shownCols + (shownCols === 1 ? " target" : " targets");
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
  }

  function terms(q) {
    return q.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function score(entry, words) {
    var title = entry.t.toLowerCase();
    var aliases = entry.a.join(" ").toLowerCase();
    var tags = entry.g.join(" ").toLowerCase();
    var text = entry.x.toLowerCase();
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      var s = 0;
      if (title === w) s += 100;
      else if (title.indexOf(w) === 0) s += 40;
      else if (title.indexOf(w) !== -1) s += 25;
      if (aliases.indexOf(w) !== -1) s += 20;
      if (tags.indexOf(w) !== -1) s += 10;
      if (text.indexOf(w) !== -1) s += 1 + Math.min(5, text.split(w).length - 1);
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }

  function snippet(text, words) {
    var lower = text.toLowerCase();
    var at = -1;
    for (var i = 0; i < words.length && at === -1; i++) at = lower.indexOf(words[i]);
    if (at === -1) return text.slice(0, 160);
    var start = Math.max(0, at - 60);
    return (start > 0 ? "…" : "") + text.slice(start, start + 180) + "…";
  }

  function search() {
    var form = document.getElementById("search-form");
    if (!form) return;
    var input = document.getElementById("q");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var index = window.VAULTKG_SEARCH || [];
    var root = document.body.dataset.root || "";
    function run() {
      var words = terms(input.value);
      list.textContent = "";
      if (!words.length) { status.textContent = index.length + " notes to search."; return; }
      var hits = [];
      index.forEach(function (e) {
        var s = score(e, words);
        if (s > 0) hits.push([s, e]);
      });
      hits.sort(function (a, b) { return b[0] - a[0] || a[1].t.localeCompare(b[1].t); });
      status.textContent = hits.length + (hits.length === 1 ? " note matches." : " notes match.");
      hits.slice(0, 100).forEach(function (h) {
        var e = h[1];
        var li = document.createElement("li");
        var type = document.createElement("span");
        type.className = "type-pill type-" + e.y;
        type.textContent = e.y;
        var a = document.createElement("a");
        a.href = root + e.u;
        a.textContent = e.t;
        var p = document.createElement("p");
        p.className = "context";
        p.textContent = snippet(e.x, words);
        li.appendChild(type);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(a);
        if (e.a.length) {
          var al = document.createElement("span");
          al.className = "where";
          al.textContent = " (" + e.a.join(", ") + ")";
          li.appendChild(al);
        }
        li.appendChild(p);
        list.appendChild(li);
      });
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    input.addEventListener("input", run);
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) input.value = q;
    run();
  }

  claimFilters();
  matrixFilters();
  search();
})();
