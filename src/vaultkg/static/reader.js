/* vaultkg site, on every page: theme and evidence switches, the Ctrl-K search palette, link
   previews, and KaTeX / Mermaid where the page loaded them. Pages work from file://, where
   fetch() is refused, so the search index is a script added to the page on first need. */
(function () {
  "use strict";
  var doc = document.documentElement;
  var root = document.body.dataset.root || "";

  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }

  /* ---- theme: the OS setting until the reader chooses ------------------------------- */
  function darkNow() {
    if (doc.dataset.theme) return doc.dataset.theme === "dark";
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }

  function themeToggle() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    function show() { button.setAttribute("aria-pressed", darkNow() ? "true" : "false"); }
    button.addEventListener("click", function () {
      doc.dataset.theme = darkNow() ? "light" : "dark";
      store("vaultkg-theme", doc.dataset.theme);
      show();
      drawDiagrams();
    });
    show();
  }

  /* ---- evidence marks: shown unless the reader hides them --------------------------- */
  function evidenceToggle() {
    var button = document.querySelector(".evidence-toggle");
    if (!button) return;
    function show() {
      button.setAttribute("aria-pressed", doc.dataset.evidence === "hidden" ? "false" : "true");
    }
    button.addEventListener("click", function () {
      if (doc.dataset.evidence === "hidden") delete doc.dataset.evidence;
      else doc.dataset.evidence = "hidden";
      store("vaultkg-evidence", doc.dataset.evidence || null);
      show();
    });
    show();
  }

  /* ---- the search index, loaded once ------------------------------------------------- */
  var waiting = null;
  function withIndex(done) {
    if (window.VAULTKG_SEARCH) { done(window.VAULTKG_SEARCH); return; }
    if (waiting) { waiting.push(done); return; }
    waiting = [done];
    var s = document.createElement("script");
    s.src = root + "search-index.js";
    s.onload = function () {
      var index = window.VAULTKG_SEARCH || [];
      waiting.forEach(function (f) { f(index); });
      waiting = [];
    };
    document.head.appendChild(s);
  }

  function terms(q) {
    return q.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function score(e, words) {
    var title = e.t.toLowerCase(), aliases = e.a.join(" ").toLowerCase();
    var tags = e.g.join(" ").toLowerCase(), text = e.x.toLowerCase();
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i], s = 0;
      if (title === w) s += 100;
      else if (title.indexOf(w) === 0) s += 40;
      else if (title.indexOf(w) !== -1) s += 25;
      else if (aliases.indexOf(w) !== -1) s += 20;  // an alias counts when the title does not
      if (tags.indexOf(w) !== -1) s += 10;
      if (text.indexOf(w) !== -1) s += 1;
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }

  /* text as nodes, each occurrence of a search word in <mark> (never innerHTML) */
  function marked(text, words) {
    var frag = document.createDocumentFragment();
    var lower = text.toLowerCase(), at = 0;
    while (at < text.length) {
      var next = -1, len = 0;
      words.forEach(function (w) {
        var i = lower.indexOf(w, at);
        if (i !== -1 && (next === -1 || i < next || (i === next && w.length > len))) {
          next = i; len = w.length;
        }
      });
      if (next === -1) { frag.appendChild(document.createTextNode(text.slice(at))); break; }
      if (next > at) frag.appendChild(document.createTextNode(text.slice(at, next)));
      var m = document.createElement("mark");
      m.textContent = text.slice(next, next + len);
      frag.appendChild(m);
      at = next + len;
    }
    return frag;
  }

  function around(text, words, size) {
    var lower = text.toLowerCase(), at = -1;
    for (var i = 0; i < words.length && at === -1; i++) at = lower.indexOf(words[i]);
    if (at === -1) return text.slice(0, size);
    var start = Math.max(0, at - 40);
    return (start > 0 ? "…" : "") + text.slice(start, start + size) + "…";
  }

  /* ---- palette ------------------------------------------------------------------------ */
  var palette = null;

  function buildPalette() {
    var box = document.createElement("div");
    box.className = "palette";
    box.hidden = true;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-label", "Search notes");
    var panel = document.createElement("div");
    panel.className = "palette-panel";
    var input = document.createElement("input");
    input.type = "search";
    input.className = "palette-input";
    input.placeholder = "Search notes by title, alias, tag or text";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-expanded", "true");
    input.setAttribute("aria-controls", "palette-list");
    input.setAttribute("aria-autocomplete", "list");
    var list = document.createElement("ul");
    list.id = "palette-list";
    list.className = "palette-list";
    list.setAttribute("role", "listbox");
    var status = document.createElement("p");
    status.className = "palette-status";
    status.setAttribute("aria-live", "polite");
    panel.appendChild(input);
    panel.appendChild(status);
    panel.appendChild(list);
    box.appendChild(panel);
    document.body.appendChild(box);
    var active = 0, hits = [];

    function select(i) {
      var items = list.children;
      if (!items.length) return;
      active = (i + items.length) % items.length;
      for (var k = 0; k < items.length; k++) {
        items[k].setAttribute("aria-selected", k === active ? "true" : "false");
      }
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function run() {
      withIndex(function (index) {
        var words = terms(input.value);
        list.textContent = "";
        hits = [];
        if (!words.length) { status.textContent = index.length + " notes"; return; }
        index.forEach(function (e) {
          var s = score(e, words);
          if (s > 0) hits.push([s, e]);
        });
        hits.sort(function (a, b) {  // equal scores: the shorter title is the closer match
          return b[0] - a[0] || a[1].t.length - b[1].t.length || a[1].t.localeCompare(b[1].t);
        });
        hits = hits.slice(0, 20);
        status.textContent = hits.length ? "" : "No note matches.";
        hits.forEach(function (h, i) {
          var e = h[1];
          var li = document.createElement("li");
          li.id = "palette-item-" + i;
          li.setAttribute("role", "option");
          var a = document.createElement("a");
          a.href = root + e.u;
          a.tabIndex = -1;
          var title = document.createElement("span");
          title.className = "palette-title";
          title.appendChild(marked(e.t, words));
          var type = document.createElement("span");
          type.className = "type-pill type-" + e.y;
          type.textContent = e.y;
          var text = document.createElement("span");
          text.className = "palette-text";
          text.appendChild(marked(around(e.x, words, 140), words));
          a.appendChild(title);
          var named = e.a.filter(function (alias) {
            var low = alias.toLowerCase();
            return words.some(function (w) { return low.indexOf(w) !== -1; });
          });
          if (named.length) {
            var alias = document.createElement("span");
            alias.className = "palette-alias";
            alias.appendChild(marked(" (" + named.join(", ") + ")", words));
            a.appendChild(alias);
          }
          a.appendChild(document.createTextNode(" "));
          a.appendChild(type);
          a.appendChild(text);
          li.appendChild(a);
          list.appendChild(li);
        });
        select(0);
      });
    }

    input.addEventListener("input", run);
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); select(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); select(active - 1); }
      else if (e.key === "Enter") {
        e.preventDefault();
        var link = list.children[active] && list.children[active].querySelector("a");
        if (link) window.location.href = link.href;
        else if (input.value) window.location.href = root + "search.html?q=" + encodeURIComponent(input.value);
      }
    });
    box.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });
    box.addEventListener("click", function (e) { if (e.target === box) close(); });
    var opener = null;
    function open(text) {
      opener = document.activeElement;
      box.hidden = false;
      if (typeof text === "string") input.value = text;
      input.focus();
      input.select();
      run();
    }
    function close() {
      input.blur();  // at once: a hidden field keeps focus until the next style pass
      box.hidden = true;
      if (opener && opener.focus) opener.focus();
    }
    return { open: open, close: close, box: box };
  }

  function openPalette(text) {
    if (!palette) palette = buildPalette();
    palette.open(text);
  }

  function typing(el) {
    return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" ||
      el.isContentEditable);
  }

  function shortcuts() {
    document.addEventListener("keydown", function (e) {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "k" || e.key === "K")) {
        e.preventDefault();
        openPalette();
      } else if (e.key === "/" && !e.ctrlKey && !e.metaKey && !typing(e.target)) {
        e.preventDefault();
        openPalette();
      }
    });
  }

  /* ---- link previews ------------------------------------------------------------------ */
  function previews() {
    var pop = null, timer = null, byUrl = null, current = null;

    function hide() {
      clearTimeout(timer);
      timer = setTimeout(function () { if (pop) pop.hidden = true; current = null; }, 150);
    }

    function show(a) {
      withIndex(function (index) {
        if (!byUrl) {
          byUrl = {};
          index.forEach(function (e) { byUrl[new URL(root + e.u, window.location.href).href] = e; });
        }
        var e = byUrl[a.href.split("#")[0]];
        if (!e || current !== a) return;
        if (!pop) {
          pop = document.createElement("div");
          pop.className = "link-preview";
          pop.id = "link-preview";
          pop.setAttribute("role", "tooltip");
          pop.addEventListener("mouseenter", function () { clearTimeout(timer); });
          pop.addEventListener("mouseleave", hide);
          document.body.appendChild(pop);
        }
        pop.textContent = "";
        var head = document.createElement("p");
        head.className = "link-preview-title";
        var title = document.createElement("strong");
        title.textContent = e.t;
        var type = document.createElement("span");
        type.className = "type-pill type-" + e.y;
        type.textContent = e.y;
        head.appendChild(title);
        head.appendChild(document.createTextNode(" "));
        head.appendChild(type);
        var text = document.createElement("p");
        text.className = "link-preview-text";
        text.textContent = e.x.length > 320 ? e.x.slice(0, 320).replace(/\s+\S*$/, "") + "…" : e.x;
        pop.appendChild(head);
        if (e.x) pop.appendChild(text);
        var r = a.getBoundingClientRect();
        var width = Math.min(380, window.innerWidth - 20);
        pop.style.width = width + "px";
        pop.style.left = Math.max(10, Math.min(r.left, window.innerWidth - width - 10)) + window.scrollX + "px";
        pop.style.top = r.bottom + window.scrollY + 6 + "px";
        pop.hidden = false;
        a.setAttribute("aria-describedby", "link-preview");
      });
    }

    function start(ev) {
      var a = ev.target.closest && ev.target.closest("main a.internal:not(.file)");
      if (!a) return;
      clearTimeout(timer);
      current = a;
      timer = setTimeout(function () { show(a); }, ev.type === "focusin" ? 0 : 250);
    }
    function stop(ev) {
      var a = ev.target.closest && ev.target.closest("main a.internal");
      if (a) { a.removeAttribute("aria-describedby"); hide(); }
    }
    document.addEventListener("mouseover", start);
    document.addEventListener("focusin", start);
    document.addEventListener("mouseout", stop);
    document.addEventListener("focusout", stop);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && pop) pop.hidden = true;
    });
  }

  /* ---- math and diagrams: the vendored libraries are on the page only when needed ----- */
  function typeset() {
    if (window.katex) {
      document.querySelectorAll(".math").forEach(function (el) {
        window.katex.render(el.textContent, el, {
          displayMode: el.classList.contains("math-display"),
          throwOnError: false,
          strict: "ignore",  // notes mix Unicode into TeX, as MathJax (Obsidian) allows
          output: "htmlAndMathml"
        });
      });
    }
    drawDiagrams();
  }

  var diagramSources = null;
  function drawDiagrams() {
    if (!window.mermaid) return;
    var blocks = document.querySelectorAll("pre.mermaid");
    if (!diagramSources) {
      diagramSources = Array.prototype.map.call(blocks, function (el) { return el.textContent; });
    } else {  // drawn before: put the source back to draw it in the other theme
      blocks.forEach(function (el, i) {
        el.removeAttribute("data-processed");
        el.textContent = diagramSources[i];
      });
    }
    window.mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      theme: darkNow() ? "dark" : "default"
    });
    window.mermaid.run({ nodes: blocks });
  }

  themeToggle();
  evidenceToggle();
  shortcuts();
  previews();
  typeset();
  window.vaultkgPalette = openPalette;
})();
