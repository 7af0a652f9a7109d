/* vaultkg site: the claims pages' filters. A page shows 200 claims; a filter searches all of
 * them, from claims-data.js, loaded (as a script: file:// allows no fetch) when first needed. */
(function () {
  "use strict";
  var form = document.getElementById("claims-filter");
  if (!form) return;
  var root = document.body.dataset.root || "";
  var list = document.getElementById("claims-list");
  var count = document.getElementById("claim-count");
  var more = document.getElementById("claims-more");
  var pages = document.getElementById("claims-pages");
  var original = list.innerHTML, originalCount = count.textContent, originalStart = list.start;
  var perPage = parseInt(form.dataset.perPage, 10) || 200;
  var loading = null, hits = [], shown = 0;

  function load(done) {
    if (window.VAULTKG_CLAIMS) return done();
    if (loading) return loading.push(done);
    loading = [done];
    var s = document.createElement("script");
    s.src = root + "claims-data.js";
    s.onload = function () { loading.forEach(function (f) { f(); }); };
    s.onerror = function () { count.textContent = "Could not load claims-data.js"; };
    document.body.appendChild(s);
  }

  function filters() {
    return {
      level: form.elements.level.value,
      certainty: form.elements.certainty.value,
      note: form.elements.note.value.trim(),
      text: form.elements.text.value.trim().toLowerCase()
    };
  }

  function matches(f, data) {
    var note = f.note.toLowerCase();
    var notes = data.notes.map(function (n) {
      return !note || n[0] === f.note || n[1].toLowerCase().indexOf(note) !== -1;
    });
    return data.claims.filter(function (c) {
      return (!f.level || c[1] === f.level) && (!f.certainty || c[2] === f.certainty) &&
        notes[c[3]] && (!f.text || c[0].toLowerCase().indexOf(f.text) !== -1);
    });
  }

  function item(c, data) {
    var n = data.notes[c[3]];
    var li = document.createElement("li");
    li.className = "claim";
    li.dataset.level = c[1];
    li.dataset.certainty = c[2];
    li.dataset.note = n[0];
    var pill = document.createElement("span");
    pill.className = "pill lvl-" + c[1];
    pill.textContent = c[1].replace("-", " ") + " · " + c[2] + (c[5].length ? " · " + c[5].join(", ") : "");
    var a = document.createElement("a");
    a.className = "claim-text";
    a.href = root + n[2] + "#" + c[4];
    a.textContent = c[0];
    var where = document.createElement("span");
    where.className = "where";
    where.textContent = n[1];
    li.appendChild(pill);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(a);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(where);
    return li;
  }

  function showMore() {
    var data = window.VAULTKG_CLAIMS, frag = document.createDocumentFragment();
    hits.slice(shown, shown + perPage).forEach(function (c) { frag.appendChild(item(c, data)); });
    list.appendChild(frag);
    shown = Math.min(hits.length, shown + perPage);
    more.hidden = shown >= hits.length;
    more.textContent = "Show " + Math.min(perPage, hits.length - shown) + " more";
  }

  function apply() {
    var f = filters();
    var active = f.level || f.certainty || f.note || f.text;
    if (!active) {
      list.innerHTML = original;
      list.start = originalStart;
      count.textContent = originalCount;
      more.hidden = true;
      if (pages) pages.hidden = false;
      return;
    }
    load(function () {
      if (JSON.stringify(filters()) !== JSON.stringify(f)) return; // a newer filter is on its way
      hits = matches(f, window.VAULTKG_CLAIMS);
      shown = 0;
      list.textContent = "";
      list.start = 1;
      if (pages) pages.hidden = true;
      count.textContent = hits.length + (hits.length === 1 ? " claim" : " claims");
      showMore();
    });
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  more.addEventListener("click", showMore);
  var params = new URLSearchParams(window.location.search);
  ["level", "certainty", "note", "text"].forEach(function (k) {
    if (params.get(k)) form.elements[k].value = params.get(k);
  });
  apply();
})();
