/* vaultkg site: the graph of notes (graph.html) and each note's neighbourhood, on a <canvas>.
 *
 * Positions come precomputed from the build (export/site/layout.py), so the page only draws.
 * Plain canvas 2D, not WebGL: in Chromium without a GPU, WebGL falls back to a software
 * renderer that drew 10,000 nodes at under 2 fps, where canvas 2D draws them in about 20 ms.
 * While panning, the last full drawing is moved as a bitmap; the scene is redrawn when the
 * pointer rests. Node ids are ranks (most linked first), so "largest first" is id order.
 */
(function () {
  "use strict";
  var FALLBACK = "#6c757d";
  var MAX_LABELS = 220;
  var LABEL_FONT = "12px system-ui, sans-serif";

  function cssColor(cls, prop) {
    var probe = document.createElement("span");
    probe.className = cls;
    probe.style.display = "none";
    document.body.appendChild(probe);
    var value = getComputedStyle(probe)[prop];
    document.body.removeChild(probe);
    return value || FALLBACK;
  }

  function palette(nodes) {
    var colors = {};
    nodes.forEach(function (n) {
      if (!colors[n.type]) colors[n.type] = cssColor("type-" + n.type, "color");
    });
    return colors;
  }

  function View(box, data, opts) {
    var self = this;
    this.box = box;
    this.data = data;
    this.opts = opts || {};
    this.root = document.body.dataset.root || "";
    this.nodes = data.nodes;
    this.byId = {};
    this.nodes.forEach(function (n, i) { self.byId[n.id] = i; });
    this.recolor();
    this.canvas = document.createElement("canvas");
    this.canvas.className = "graph-canvas";
    box.appendChild(this.canvas);
    this.ctx = this.canvas.getContext("2d");
    this.cache = document.createElement("canvas");
    this.visible = new Uint8Array(this.nodes.length);
    this.hover = -1;
    this.focus = -1;
    this.labelled = [];
    this.cam = { x: 0, y: 0, k: 1 };
    this.shift = null; // pan offset of the cached bitmap since the last full drawing
    this.pending = 0;
    this.resize();
    this.setVisible(function () { return true; });
    this.fit();
    this.bind();
    window.addEventListener("resize", function () { self.resize(); self.redraw(); });
    // a light/dark switch changes the page's colours: take them again
    var again = function () { self.recolor(); self.redraw(); };
    if (window.MutationObserver) {
      var watch = new MutationObserver(again);
      [document.documentElement, document.body].forEach(function (el) {
        watch.observe(el, { attributes: true, attributeFilter: ["class", "data-theme", "style"] });
      });
    }
    if (window.matchMedia) {
      var media = window.matchMedia("(prefers-color-scheme: dark)");
      if (media.addEventListener) media.addEventListener("change", again);
    }
  }

  View.prototype.recolor = function () {
    this.colors = palette(this.nodes);
    var style = getComputedStyle(this.box);
    this.text = style.color;
    this.bg = style.backgroundColor;
    this.relationColor = this.colors.drug || cssColor("type-drug", "color");
  };

  View.prototype.resize = function () {
    var ratio = window.devicePixelRatio || 1;
    this.w = this.box.clientWidth || 300;
    this.h = this.box.clientHeight || 300;
    this.ratio = ratio;
    [this.canvas, this.cache].forEach(function (c) {
      c.width = Math.round(this.w * ratio);
      c.height = Math.round(this.h * ratio);
    }, this);
    this.canvas.style.width = this.w + "px";
    this.canvas.style.height = this.h + "px";
  };

  /* which nodes to draw; edges are drawn when both ends are */
  View.prototype.setVisible = function (test) {
    for (var i = 0; i < this.nodes.length; i++) this.visible[i] = test(this.nodes[i], i) ? 1 : 0;
    this.edges = [];
    var byId = this.byId;
    var edgeTest = this.opts.edgeTest;
    for (var j = 0; j < this.data.edges.length; j++) {
      var e = this.data.edges[j];
      var a = byId[e.s], b = byId[e.t];
      if (a === undefined || b === undefined || a === b) continue;
      if (this.visible[a] && this.visible[b] && (!edgeTest || edgeTest(e))) this.edges.push([a, b, e]);
    }
    this.grid = null;
    this.redraw();
  };

  View.prototype.fit = function () {
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, any = false;
    for (var i = 0; i < this.nodes.length; i++) {
      if (!this.visible[i]) continue;
      var n = this.nodes[i];
      any = true;
      minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x);
      minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
    }
    if (!any) { minX = minY = -1; maxX = maxY = 1; }
    var pad = 40;
    this.cam.x = (minX + maxX) / 2;
    this.cam.y = (minY + maxY) / 2;
    this.cam.k = Math.min((this.w - 2 * pad) / Math.max(maxX - minX, 1),
      (this.h - 2 * pad) / Math.max(maxY - minY, 1), 2.5);
    if (!this.k0) this.k0 = this.cam.k;
    this.redraw();
  };

  View.prototype.toScreen = function (n) {
    return [(n.x - this.cam.x) * this.cam.k + this.w / 2, (n.y - this.cam.y) * this.cam.k + this.h / 2];
  };

  /* nodes grow as you zoom in, more slowly than the distances between them */
  View.prototype.radius = function (n) {
    return Math.max(1.5, (n.size / 2) * Math.min(3, Math.sqrt(this.cam.k / this.k0)));
  };

  /* coalesce drawing requests into one per animation frame */
  View.prototype.redraw = function () {
    var self = this;
    if (this.pending) return;
    this.pending = window.requestAnimationFrame(function () {
      self.pending = 0;
      self.draw();
    });
  };

  View.prototype.draw = function () {
    var c = this.ctx, k = this.cam.k, i, n, p;
    this.shift = null;
    c.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    c.clearRect(0, 0, this.w, this.h);
    var hx = this.w / 2 - this.cam.x * k, hy = this.h / 2 - this.cam.y * k;
    var near = this.hover >= 0 ? this.neighbours(this.hover) : null;
    // edges: one path per style
    c.lineWidth = 1;
    // fainter as there are more of them, so 100,000 links stay a haze, not a black disc
    var density = Math.min(1, Math.sqrt(4000 / Math.max(this.edges.length, 1)));
    c.globalAlpha = near ? 0.06 : Math.min(0.35, 0.1 + 0.1 * k / this.k0) * density;
    c.strokeStyle = this.text;
    c.beginPath();
    var rel = [];
    for (i = 0; i < this.edges.length; i++) {
      var e = this.edges[i];
      if (e[2].k === "relation") { rel.push(e); continue; }
      var a = this.nodes[e[0]], b = this.nodes[e[1]];
      c.moveTo(a.x * k + hx, a.y * k + hy);
      c.lineTo(b.x * k + hx, b.y * k + hy);
    }
    c.stroke();
    c.globalAlpha = near ? 0.3 : 0.85;
    c.strokeStyle = this.relationColor;
    c.lineWidth = 2;
    c.beginPath();
    for (i = 0; i < rel.length; i++) {
      var ra = this.nodes[rel[i][0]], rb = this.nodes[rel[i][1]];
      c.moveTo(ra.x * k + hx, ra.y * k + hy);
      c.lineTo(rb.x * k + hx, rb.y * k + hy);
    }
    c.stroke();
    if (near) {
      c.globalAlpha = 1;
      c.lineWidth = 1.5;
      c.strokeStyle = this.text;
      c.beginPath();
      var h = this.nodes[this.hover];
      near.forEach(function (j) {
        var o = this.nodes[j];
        c.moveTo(h.x * k + hx, h.y * k + hy);
        c.lineTo(o.x * k + hx, o.y * k + hy);
      }, this);
      c.stroke();
    }
    // nodes: one path per colour, smallest last so hubs stay visible underneath? no: hubs on top
    c.globalAlpha = 1;
    var byColor = {};
    for (i = this.nodes.length - 1; i >= 0; i--) {
      if (!this.visible[i]) continue;
      n = this.nodes[i];
      var x = n.x * k + hx, y = n.y * k + hy, r = this.radius(n);
      if (x < -r || y < -r || x > this.w + r || y > this.h + r) continue;
      var col = this.colors[n.type] || FALLBACK;
      (byColor[col] = byColor[col] || []).push(x, y, r);
    }
    Object.keys(byColor).forEach(function (col) {
      var list = byColor[col];
      c.fillStyle = col;
      c.globalAlpha = near ? 0.35 : 1;
      c.beginPath();
      for (var q = 0; q < list.length; q += 3) {
        c.moveTo(list[q] + list[q + 2], list[q + 1]);
        c.arc(list[q], list[q + 1], list[q + 2], 0, 6.2832);
      }
      c.fill();
    });
    c.globalAlpha = 1;
    var marked = [];
    if (near) marked = near.concat([this.hover]);
    if (this.focus >= 0) marked.push(this.focus);
    if (this.opts.center !== undefined && this.byId[this.opts.center] !== undefined) {
      marked.push(this.byId[this.opts.center]);
    }
    marked.forEach(function (j) {
      var m = this.nodes[j];
      p = this.toScreen(m);
      var mr = this.radius(m) + (j === this.hover || j === this.focus ? 3 : 1);
      c.fillStyle = this.colors[m.type] || FALLBACK;
      c.strokeStyle = this.text;
      c.lineWidth = j === this.hover || j === this.focus ? 2.5 : 1;
      c.beginPath();
      c.arc(p[0], p[1], mr, 0, 6.2832);
      c.fill();
      c.stroke();
    }, this);
    this.drawLabels(near);
    // keep the picture, to move it as a bitmap while panning
    var cc = this.cache.getContext("2d");
    cc.setTransform(1, 0, 0, 1, 0, 0);
    cc.clearRect(0, 0, this.cache.width, this.cache.height);
    cc.drawImage(this.canvas, 0, 0);
    this.box.dataset.labels = this.labelled.length;
  };

  /* labels: the hovered or focused node and its neighbours first, then the largest nodes
     on screen, skipping any label that would overlap one already drawn */
  View.prototype.drawLabels = function (near) {
    var c = this.ctx, taken = [], drawn = [], self = this;
    c.font = LABEL_FONT;
    c.textBaseline = "top";
    c.textAlign = "center";
    function place(i, force) {
      var n = self.nodes[i];
      var p = self.toScreen(n);
      if (p[0] < 0 || p[1] < 0 || p[0] > self.w || p[1] > self.h) return;
      var text = n.label.length > 40 ? n.label.slice(0, 39) + "…" : n.label;
      var tw = c.measureText(text).width + 6, r = self.radius(n);
      // below the node, else above, right or left of it: the first spot that is free
      var spots = [[p[0] - tw / 2, p[1] + r + 2], [p[0] - tw / 2, p[1] - r - 18],
        [p[0] + r + 3, p[1] - 8], [p[0] - r - 3 - tw, p[1] - 8]];
      var box = null;
      for (var s = 0; s < spots.length && !box; s++) {
        var b = [spots[s][0], spots[s][1], tw, 16];
        if (force || !taken.some(function (o) {
          return b[0] < o[0] + o[2] && o[0] < b[0] + b[2] && b[1] < o[1] + o[3] && o[1] < b[1] + b[3];
        })) box = b;
      }
      if (!box) return;
      taken.push(box);
      c.globalAlpha = 0.8;
      c.fillStyle = self.bg;
      c.fillRect(box[0], box[1], box[2], box[3]);
      c.globalAlpha = 1;
      c.fillStyle = self.text;
      c.fillText(text, box[0] + tw / 2, box[1] + 2);
      drawn.push(n.label);
    }
    var first = [];
    if (this.hover >= 0) first.push(this.hover);
    if (this.focus >= 0) first.push(this.focus);
    first.forEach(function (i) { place(i, true); });
    if (near) near.forEach(function (i) { if (drawn.length < MAX_LABELS) place(i, false); });
    var minRadius = this.opts.allLabels ? 0 : 3;
    for (var i = 0; i < this.nodes.length && drawn.length < MAX_LABELS; i++) {
      if (!this.visible[i] || first.indexOf(i) !== -1) continue;
      if (this.radius(this.nodes[i]) < minRadius && !near) continue;
      place(i, false);
    }
    this.labelled = drawn;
  };

  View.prototype.neighbours = function (i) {
    var out = [];
    for (var j = 0; j < this.edges.length; j++) {
      var e = this.edges[j];
      if (e[0] === i) out.push(e[1]);
      else if (e[1] === i) out.push(e[0]);
    }
    return out;
  };

  /* the visible node under a screen point, through a grid of world cells */
  View.prototype.pick = function (sx, sy) {
    var cell = 40;
    if (!this.grid) {
      this.grid = {};
      for (var i = 0; i < this.nodes.length; i++) {
        if (!this.visible[i]) continue;
        var key = Math.floor(this.nodes[i].x / cell) + ":" + Math.floor(this.nodes[i].y / cell);
        (this.grid[key] = this.grid[key] || []).push(i);
      }
    }
    var wx = (sx - this.w / 2) / this.cam.k + this.cam.x;
    var wy = (sy - this.h / 2) / this.cam.k + this.cam.y;
    var reach = Math.max(8 / this.cam.k, 1);
    var span = Math.ceil(reach / cell);
    var cx = Math.floor(wx / cell), cy = Math.floor(wy / cell);
    var best = -1, bestD = Infinity;
    for (var gx = cx - span; gx <= cx + span; gx++) {
      for (var gy = cy - span; gy <= cy + span; gy++) {
        var list = this.grid[gx + ":" + gy];
        if (!list) continue;
        for (var q = 0; q < list.length; q++) {
          var n = this.nodes[list[q]];
          var d = Math.hypot(n.x - wx, n.y - wy);
          var hit = Math.max(reach, this.radius(n) / this.cam.k + 2 / this.cam.k);
          if (d <= hit && d < bestD) { best = list[q]; bestD = d; }
        }
      }
    }
    return best;
  };

  /* move the camera by a screen offset; the cached picture follows at once */
  View.prototype.panBy = function (dx, dy) {
    var self = this;
    this.cam.x -= dx / this.cam.k;
    this.cam.y -= dy / this.cam.k;
    this.shift = this.shift || [0, 0];
    this.shift[0] += dx;
    this.shift[1] += dy;
    var c = this.ctx;
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.clearRect(0, 0, this.canvas.width, this.canvas.height);
    c.drawImage(this.cache, this.shift[0] * this.ratio, this.shift[1] * this.ratio);
    clearTimeout(this.settle);
    this.settle = setTimeout(function () { if (!self.dragging) self.redraw(); }, 150);
  };

  View.prototype.zoomAt = function (factor, sx, sy) {
    var k = Math.min(Math.max(this.cam.k * factor, 0.02), 12);
    var wx = (sx - this.w / 2) / this.cam.k + this.cam.x;
    var wy = (sy - this.h / 2) / this.cam.k + this.cam.y;
    this.cam.k = k;
    this.cam.x = wx - (sx - this.w / 2) / k;
    this.cam.y = wy - (sy - this.h / 2) / k;
    this.redraw();
  };

  View.prototype.centerOn = function (i, k) {
    var n = this.nodes[i];
    this.cam.x = n.x;
    this.cam.y = n.y;
    if (k) this.cam.k = k;
    this.redraw();
  };

  View.prototype.bind = function () {
    var self = this, canvas = this.canvas, start = null, last = null;
    var touches = {}, spread = 0; // pointers down, and the distance between two of them
    function local(evt) {
      var r = canvas.getBoundingClientRect();
      return [evt.clientX - r.left, evt.clientY - r.top];
    }
    function pinch() {
      var ids = Object.keys(touches);
      if (ids.length !== 2) return null;
      var a = touches[ids[0]], b = touches[ids[1]];
      return [Math.hypot(a[0] - b[0], a[1] - b[1]), (a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    }
    canvas.addEventListener("pointerdown", function (evt) {
      touches[evt.pointerId] = local(evt);
      var two = pinch();
      if (two) { spread = two[0]; start = null; }
      else start = local(evt);
      last = local(evt);
      self.dragging = true;
      canvas.setPointerCapture && canvas.setPointerCapture(evt.pointerId);
    });
    canvas.addEventListener("pointermove", function (evt) {
      var p = local(evt);
      if (touches[evt.pointerId]) touches[evt.pointerId] = p;
      var two = pinch();
      if (two) { // two fingers: zoom around their middle
        if (spread > 0) self.zoomAt(two[0] / spread, two[1], two[2]);
        spread = two[0];
        return;
      }
      if (self.dragging && last) {
        self.panBy(p[0] - last[0], p[1] - last[1]);
        last = p;
        return;
      }
      var hit = self.pick(p[0], p[1]);
      if (hit !== self.hover) {
        self.hover = hit;
        canvas.style.cursor = hit >= 0 ? "pointer" : "";
        canvas.title = hit >= 0 ? self.nodes[hit].label : "";
        self.redraw();
      }
    });
    function end(evt) {
      var pinching = Object.keys(touches).length > 1;
      delete touches[evt.pointerId];
      if (pinching) { last = null; return; } // lifting one finger of two neither taps nor pans
      if (!self.dragging) return;
      self.dragging = false;
      var p = local(evt);
      var moved = start ? Math.hypot(p[0] - start[0], p[1] - start[1]) : Infinity;
      start = last = null;
      if (moved < 4) {
        var hit = self.pick(p[0], p[1]);
        if (hit >= 0) { window.location.href = self.root + self.nodes[hit].url; return; }
      }
      self.redraw();
    }
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    canvas.addEventListener("pointerleave", function () {
      if (self.hover >= 0 && !self.dragging) { self.hover = -1; self.redraw(); }
    });
    canvas.addEventListener("wheel", function (evt) {
      evt.preventDefault();
      var p = local(evt);
      self.zoomAt(Math.exp(-evt.deltaY * 0.0015), p[0], p[1]);
    }, { passive: false });
  };

  /* -- the graph page: how many nodes, filters, search-to-focus -------------------- */

  function fullGraph(box, data) {
    var form = document.getElementById("graph-controls");
    var state = { shown: data.shown, types: null, levels: null };
    var view = new View(box, data, {
      edgeTest: function (e) { return e.k !== "relation" || !state.levels || state.levels[e.level]; }
    });
    function checked(name) {
      if (!form) return null;
      var out = {};
      Array.prototype.forEach.call(form.querySelectorAll("input[name=" + name + "]"), function (el) {
        out[el.value] = el.checked;
      });
      return out;
    }
    function apply(refit) {
      state.types = checked("type");
      state.levels = checked("level");
      var keep = view.focus;
      view.setVisible(function (n, i) {
        if (i === keep) return true;
        if (i >= state.shown) return false;
        if (state.types && !state.types[n.type]) return false;
        if (state.levels && !state.levels[n.level || "none"]) return false;
        return true;
      });
      var count = 0;
      for (var i = 0; i < view.visible.length; i++) count += view.visible[i];
      var out = document.getElementById("graph-count");
      if (out) {
        out.textContent = count + " of " + data.nodes.length + " notes, " + view.edges.length + " links";
      }
      if (refit) view.fit();
    }
    if (form) {
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      form.addEventListener("change", function (e) {
        if (e.target.name === "shown") state.shown = parseInt(e.target.value, 10);
        if (e.target.name === "q") return;
        apply(e.target.name === "shown");
      });
      searchBox(view, data, form);
    }
    apply(false);
    return view;
  }

  function searchBox(view, data, form) {
    var input = form.elements.q, list = document.getElementById("graph-matches");
    var open = document.getElementById("graph-open");
    if (!input || !list) return;
    function matches(q) {
      q = q.trim().toLowerCase();
      if (!q) return [];
      var starts = [], contains = [];
      for (var i = 0; i < data.nodes.length && starts.length < 8; i++) {
        var l = data.nodes[i].label.toLowerCase();
        if (l.indexOf(q) === 0) starts.push(i);
        else if (contains.length < 8 && l.indexOf(q) !== -1) contains.push(i);
      }
      return starts.concat(contains).slice(0, 8);
    }
    function go(i) {
      view.focus = i;
      if (!view.visible[i]) {
        view.visible[i] = 1;
        view.setVisible(function (n, j) { return view.visible[j] === 1; });
      }
      view.centerOn(i, Math.max(view.cam.k, 1.5));
      list.textContent = "";
      input.value = data.nodes[i].label;
      if (open) {
        open.href = view.root + data.nodes[i].url;
        open.textContent = "Open " + data.nodes[i].label + " ›";
        open.hidden = false;
      }
    }
    input.addEventListener("input", function () {
      list.textContent = "";
      matches(input.value).forEach(function (i) {
        var li = document.createElement("li");
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = data.nodes[i].label;
        b.addEventListener("click", function () { go(i); });
        li.appendChild(b);
        list.appendChild(li);
      });
    });
    input.addEventListener("keydown", function (e) {
      if (e.key !== "Enter") return;
      e.preventDefault();
      var found = matches(input.value);
      if (found.length) go(found[0]);
    });
  }

  function api(view, box) {
    box.dataset.ready = "true";
    return {
      view: view,
      /* page coordinates of the first node with this label, or null when off screen */
      position: function (label) {
        for (var i = 0; i < view.nodes.length; i++) {
          if (view.nodes[i].label === label && view.visible[i]) {
            var p = view.toScreen(view.nodes[i]);
            var r = view.canvas.getBoundingClientRect();
            return [r.left + p[0], r.top + p[1]];
          }
        }
        return null;
      },
      labels: function () { return view.labelled.slice(); },
      panBy: function (dx, dy) { view.panBy(dx, dy); },
      zoomAt: function (f, x, y) { view.zoomAt(f, x, y); view.draw(); }
    };
  }

  var full = document.getElementById("graph");
  if (full && window.VAULTKG_GRAPH) {
    window.vaultkgGraph = api(fullGraph(full, window.VAULTKG_GRAPH), full);
  }
  var local = document.getElementById("local-graph");
  var localData = document.getElementById("local-graph-data");
  if (local && localData) {
    var data = JSON.parse(localData.textContent);
    if (data.nodes.length <= 1) {
      local.classList.add("empty");
      local.textContent = "No links to or from this note.";
    } else {
      var show = function () {
        var view = new View(local, data, { center: data.center, allLabels: true });
        window.vaultkgGraph = api(view, local);
      };
      // drawn when scrolled into view: most readers never get that far down a long note
      if ("IntersectionObserver" in window) {
        var seen = new IntersectionObserver(function (entries) {
          if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); show(); }
        }, { rootMargin: "200px" });
        seen.observe(local);
      } else {
        show();
      }
    }
  }
})();
