/* vaultkg site: the graph of notes (graph.html) and each note's neighbourhood, with cytoscape. */
(function () {
  "use strict";
  var COLORS = {
    drug: "#d9480f", receptor: "#1971c2", transporter: "#0c8599", enzyme: "#5f3dc4",
    neurotransmitter: "#2b8a3e", mechanism: "#c2255c", source: "#868e96", claim: "#e67700",
    concept: "#495057"
  };
  if (window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches) {
    COLORS.concept = "#ced4da";
  }
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  var TEXT = dark ? "#e9ecef" : "#212529";
  var EDGE = dark ? "#5c636a" : "#adb5bd";
  var BG = dark ? "#1e2227" : "#f4f6f8";

  function elements(data) {
    var out = [];
    data.nodes.forEach(function (n) {
      out.push({ data: { id: "n" + n.id, label: n.label, type: n.type, url: n.url,
        color: COLORS[n.type] || COLORS.concept } });
    });
    data.edges.forEach(function (e, i) {
      out.push({ data: { id: "e" + i, source: "n" + e.s, target: "n" + e.t, kind: e.k,
        label: e.label || "" } });
    });
    return out;
  }

  function draw(container, data, options) {
    if (!window.cytoscape || !container) return null;
    var root = document.body.dataset.root || "";
    var big = data.nodes.length > 1500;
    var cy = window.cytoscape({
      container: container,
      elements: elements(data),
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 4,
      style: [
        { selector: "node", style: {
          "background-color": "data(color)", "label": big ? "" : "data(label)",
          "color": TEXT, "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
          "width": 14, "height": 14, "text-wrap": "ellipsis", "text-max-width": 140,
          "min-zoomed-font-size": 9, "text-background-color": BG,
          "text-background-opacity": 0.7, "text-background-padding": 1 } },
        { selector: "node.center", style: { "width": 24, "height": 24, "border-width": 3,
          "border-color": TEXT, "font-weight": "bold" } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": TEXT } },
        { selector: "edge", style: { "width": 1, "line-color": EDGE, "curve-style": "haystack",
          "opacity": 0.7 } },
        { selector: "edge[kind = 'relation']", style: { "width": 2.5, "line-color": COLORS.drug,
          "curve-style": "bezier", "target-arrow-shape": "triangle",
          "target-arrow-color": COLORS.drug, "opacity": 0.8 } }
      ],
      layout: big ? { name: "grid" } : {
        name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 60000; },
        idealEdgeLength: function () { return 90; }, nodeOverlap: 20, gravity: 0.6,
        numIter: 2000, padding: 20, componentSpacing: 60
      }
    });
    if (options && options.center !== undefined) {
      cy.getElementById("n" + options.center).addClass("center");
    }
    cy.on("tap", "node", function (evt) {
      window.location.href = root + evt.target.data("url");
    });
    container.dataset.ready = "true";
    window.vaultkgGraph = cy;
    return cy;
  }

  var full = document.getElementById("graph");
  if (full && window.VAULTKG_GRAPH) {
    draw(full, window.VAULTKG_GRAPH, {});
  }
  var local = document.getElementById("local-graph");
  var localData = document.getElementById("local-graph-data");
  if (local && localData) {
    var data = JSON.parse(localData.textContent);
    if (data.nodes.length > 1) {
      draw(local, data, { center: data.center });
    } else {
      local.classList.add("empty");
      local.textContent = "No links to or from this note.";
    }
  }
})();
