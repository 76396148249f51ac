/* The interactive network graph (vis-network), built from graaf.json (the URL in #graaf's
 * data-bron): fetched, not embedded, so the page itself stays small for a large network.
 *
 * Every partner name is user data: it only ever reaches the page through textContent or as a
 * canvas label, never as HTML. Tooltips are DOM elements built here, so vis-network never parses
 * a string. Positions come from the server; above ~150 partners physics stays off so the graph
 * is usable at once. When the first frame is drawn, #graaf gets data-ready="<ms since start>".
 */
(function () {
  "use strict";

  var houder = document.getElementById("graaf");
  if (!houder || !houder.getAttribute("data-bron") || typeof vis === "undefined") {
    return;
  }
  fetch(houder.getAttribute("data-bron"), {credentials: "same-origin",
                                           headers: {Accept: "application/json"}})
    .then(function (antwoord) {
      if (!antwoord.ok) { throw new Error("HTTP " + antwoord.status); }
      return antwoord.json();
    })
    .then(teken)
    .catch(function () {
      houder.textContent = "De graaf kon niet geladen worden. De tabellen hieronder tonen " +
        "dezelfde gegevens; laad de pagina opnieuw om het nog eens te proberen.";
    });

  function teken(data) {
    var kleur = {};
    data.sectoren.forEach(function (s) { kleur[s.code] = s.kleur; });
    var perId = {};
    data.nodes.forEach(function (n) { perId[n.id] = n; });
    var links = {};  // partner id -> the edges touching it, for the card
    data.edges.forEach(function (e) {
      (links[e.from] = links[e.from] || []).push(e);
      (links[e.to] = links[e.to] || []).push(e);
    });

    function kenmerken(n) {
      var uit = [];
      if (n.geisoleerd) { uit.push("geïsoleerd"); }
      if (n.kwetsbaar) { uit.push("kwetsbare schakel"); }
      if (n.makelaar) { uit.push("makelaar"); }
      return uit;
    }

    function regels(lijnen) {
      var div = document.createElement("div");
      div.className = "graaf-tooltip";
      lijnen.forEach(function (tekst, i) {
        var p = document.createElement(i === 0 ? "strong" : "div");
        p.textContent = tekst;
        div.appendChild(p);
      });
      return div;
    }

    function knoopTooltip(n) {
      var lijnen = [n.label, n.sector_label, n.value + (n.value === 1 ? " verbinding" : " verbindingen")];
      var k = kenmerken(n);
      if (k.length) { lijnen.push(k.join(", ")); }
      return regels(lijnen);
    }

    function lijnTooltip(e) {
      var van = perId[e.from], naar = perId[e.to];
      var lijnen = [e.soort_label, (van ? van.label : "?") + " → " + (naar ? naar.label : "?"),
        e.bevestigd ? "bevestigd" : "nog niet bevestigd"];
      if (e.aantal_per_jaar !== null && e.aantal_per_jaar !== undefined) {
        lijnen.push("ongeveer " + e.aantal_per_jaar + " per jaar");
      }
      return regels(lijnen);
    }

    var nodes = new vis.DataSet(data.nodes.map(function (n) {
      var k = kleur[n.sector] || "#555555";
      return {
        // size grows with the number of links, but gently (a hub must not hide its neighbours)
        id: n.id, label: n.label, sector: n.sector, x: n.x, y: n.y,
        size: (n.geisoleerd ? 8 : 10) + Math.min(24, 4 * Math.sqrt(n.value)),
        shape: n.kwetsbaar ? "diamond" : (n.geisoleerd ? "square" : "dot"),
        title: knoopTooltip(n),
        borderWidth: n.kwetsbaar ? 4 : (n.geisoleerd ? 2 : 1),
        shapeProperties: n.geisoleerd ? { borderDashes: [4, 3] } : {},
        color: {
          background: k, border: (n.kwetsbaar || n.geisoleerd) ? "#000000" : k,
          highlight: { background: k, border: "#000000" }, hover: { background: k, border: "#000000" }
        }
      };
    }));
    var edges = new vis.DataSet(data.edges.map(function (e) {
      return {
        id: e.id, from: e.from, to: e.to, soort: e.soort, arrows: "to", dashes: !e.bevestigd,
        title: lijnTooltip(e), color: { color: "#6b7280", highlight: "#111111", hover: "#111111" }
      };
    }));

    var aan = { sector: {}, soort: {} };
    var vakjes = document.querySelectorAll("input[data-graaf-filter]");
    Array.prototype.forEach.call(vakjes, function (vakje) {
      aan[vakje.getAttribute("data-graaf-filter")][vakje.value] = vakje.checked;
    });
    function zichtbaar(soort, code) { return aan[soort][code] !== false; }
    var knoopView = new vis.DataView(nodes, {
      filter: function (n) { return zichtbaar("sector", n.sector); }
    });
    var lijnView = new vis.DataView(edges, {
      filter: function (e) { return zichtbaar("soort", e.soort); }
    });

    var groot = !data.physics;
    var netwerk = new vis.Network(houder, { nodes: knoopView, edges: lijnView }, {
      autoResize: true,
      layout: { improvedLayout: false },
      nodes: {
        font: { color: "#1a1a1a", size: 14, strokeWidth: 3, strokeColor: "#ffffff" }
      },
      edges: {
        smooth: groot ? false : { type: "continuous" },
        arrows: { to: { enabled: true, scaleFactor: 0.6 } },
        width: 1.5
      },
      physics: groot ? false : {
        enabled: true,
        stabilization: { iterations: 200, fit: true },
        barnesHut: { gravitationalConstant: -6000, springLength: 140, avoidOverlap: 0.2 }
      },
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: groot, keyboard: false }
    });
    houder.visNetwerk = netwerk;  // reachable from the browser tests and the console, not global
    netwerk.once("afterDrawing", function () {
      houder.setAttribute("data-ready", String(Math.round(window.performance.now())));
    });
    if (!groot) {
      // laid out and settled: freeze so partners stay where the user expects them
      netwerk.once("stabilizationIterationsDone", function () { netwerk.setOptions({ physics: false }); });
    }

    Array.prototype.forEach.call(vakjes, function (vakje) {
      vakje.addEventListener("change", function () {
        aan[vakje.getAttribute("data-graaf-filter")][vakje.value] = vakje.checked;
        knoopView.refresh();
        lijnView.refresh();
      });
    });

    var kaart = document.getElementById("graaf-kaart");
    function zet(id, tekst) { document.getElementById(id).textContent = tekst; }

    function toonKaart(id, focus) {
      var n = perId[id];
      if (!n || !kaart) { return; }
      zet("kaart-naam", n.label);
      zet("kaart-sector", n.sector_label);
      zet("kaart-graad", String(n.value));
      zet("kaart-kenmerken", kenmerken(n).join(", ") || "—");
      var lijst = document.getElementById("kaart-links");
      while (lijst.firstChild) { lijst.removeChild(lijst.firstChild); }
      (links[id] || []).forEach(function (e) {
        var uit = e.from === id;
        var ander = perId[uit ? e.to : e.from];
        var li = document.createElement("li");
        li.textContent = (uit ? "→ naar " : "← van ") + (ander ? ander.label : "?") + " (" +
          e.soort_label.toLowerCase() + (e.bevestigd ? ", bevestigd" : ", niet bevestigd") + ")";
        lijst.appendChild(li);
      });
      if (!lijst.firstChild) {
        var leeg = document.createElement("li");
        leeg.textContent = "Geen verwijzingen.";
        lijst.appendChild(leeg);
      }
      var a = document.getElementById("kaart-organisatie");
      if (typeof n.url === "string" && n.url.charAt(0) === "/" && n.url.charAt(1) !== "/") {
        a.setAttribute("href", n.url);
      }
      a.textContent = "Naar de organisatiepagina van " + n.label;
      kaart.hidden = false;
      if (focus) { document.getElementById("kaart-naam").focus(); }
    }

    netwerk.on("click", function (p) {
      if (p.nodes && p.nodes.length) { toonKaart(p.nodes[0], false); }
    });
    Array.prototype.forEach.call(document.querySelectorAll("button[data-knoop]"), function (knop) {
      knop.addEventListener("click", function () {
        var id = Number(knop.getAttribute("data-knoop"));
        if (knoopView.get(id)) {
          netwerk.selectNodes([id]);
          netwerk.focus(id, { scale: 1.2, animation: false });
        }
        toonKaart(id, true);
      });
    });
  }
}());
