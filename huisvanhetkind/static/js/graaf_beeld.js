/* The overview (one node per group or sector, expandable) and the export of the current view.
 *
 * Pure helpers for graaf.js. The export draws exactly what is on screen (visible edges, nodes and
 * the labels that were drawn) as SVG (DOM nodes, names via textContent) or as PNG (a 2D canvas
 * with the same primitives), so WebGL's buffer never has to be read back.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";

  /* The units of the overview: modus "groep" or "sector"; `open` holds the expanded units.
     knopen: visible partner objects; lijnen: visible edge objects; kleur(unit) its colour. */
  function overzicht(data, modus, open, knopen, lijnen, kleur) {
    var eenheid = function (n) { return modus === "groep" ? String(n.groep) : n.sector; };
    var labels = {};
    if (modus === "groep") {
      data.groepen.forEach(function (g) { labels[String(g.id)] = g.label; });
    } else {
      data.sectoren.forEach(function (s) { labels[s.code] = s.label; });
    }
    var leden = {};
    knopen.forEach(function (n) { (leden[eenheid(n)] = leden[eenheid(n)] || []).push(n); });
    var sleutels = Object.keys(leden);
    var midden = {};
    if (modus === "groep") {  // the groups' discs: the centre of their members
      sleutels.forEach(function (u) {
        var sx = 0, sy = 0;
        leden[u].forEach(function (n) { sx += n.x; sy += n.y; });
        midden[u] = {x: sx / leden[u].length, y: sy / leden[u].length};
      });
    } else {  // sectors are spread over the network: one ring, members round their sector
      var straal = 0;
      knopen.forEach(function (n) { straal = Math.max(straal, Math.abs(n.x), Math.abs(n.y)); });
      straal = straal || 100;
      var volgorde = data.sectoren.map(function (s) { return s.code; })
        .filter(function (c) { return leden[c]; });
      volgorde.forEach(function (u, i) {
        var hoek = 2 * Math.PI * i / volgorde.length;
        midden[u] = {x: straal * Math.cos(hoek), y: straal * Math.sin(hoek)};
      });
    }
    var uit = {knopen: [], lijnen: []};
    var waar = {};  // partner id -> the key of the node that shows it
    sleutels.forEach(function (u) {
      if (open[u]) {
        var stap = Math.PI * (3 - Math.sqrt(5));
        var r = 12 * Math.sqrt(leden[u].length);
        leden[u].forEach(function (n, i) {
          var p = modus === "groep" ? {x: n.x, y: n.y}
            : {x: midden[u].x + r * Math.sqrt((i + 0.5) / leden[u].length) * Math.cos(i * stap),
               y: midden[u].y + r * Math.sqrt((i + 0.5) / leden[u].length) * Math.sin(i * stap)};
          waar[n.id] = String(n.id);
          uit.knopen.push({key: String(n.id), partner: n, x: p.x, y: p.y});
        });
      } else {
        var key = "u:" + u;
        leden[u].forEach(function (n) { waar[n.id] = key; });
        uit.knopen.push({key: key, eenheid: u, aantal: leden[u].length, x: midden[u].x,
                         y: midden[u].y, label: labels[u] || u, color: kleur(u)});
      }
    });
    var tel = {};
    lijnen.forEach(function (e) {
      var a = waar[e.from], b = waar[e.to];
      if (a === undefined || b === undefined || a === b) { return; }
      var k = a < b ? a + "\u0000" + b : b + "\u0000" + a;
      tel[k] = (tel[k] || 0) + 1;
    });
    Object.keys(tel).forEach(function (k) {
      var paar = k.split("\u0000");
      uit.lijnen.push({van: paar[0], naar: paar[1], aantal: tel[k]});
    });
    return uit;
  }

  /* What is on screen now, in viewport px. */
  function primitieven(sigma, getekend) {
    var graph = sigma.getGraph();
    var punt = function (n) {
      var d = sigma.getNodeDisplayData(n);
      if (!d || d.hidden) { return null; }
      var p = sigma.framedGraphToViewport(d);
      return {x: p.x, y: p.y, r: sigma.scaleSize(d.size), kleur: d.color};
    };
    var punten = {};
    graph.forEachNode(function (n) { punten[n] = punt(n); });
    var lijnen = [];
    graph.forEachEdge(function (e, attr, van, naar) {
      var d = sigma.getEdgeDisplayData(e);
      if (!d || d.hidden || !punten[van] || !punten[naar]) { return; }
      lijnen.push({x1: punten[van].x, y1: punten[van].y, x2: punten[naar].x, y2: punten[naar].y,
                   kleur: d.color, dikte: Math.max(1, d.size || 1)});
    });
    var cirkels = Object.keys(punten).map(function (k) { return punten[k]; })
      .filter(function (p) { return p; });
    return {lijnen: lijnen, cirkels: cirkels, labels: getekend.slice()};
  }

  function svg(sigma, getekend, letter, font) {
    var dim = sigma.getDimensions();
    var p = primitieven(sigma, getekend);
    var wortel = document.createElementNS(SVG, "svg");
    wortel.setAttribute("xmlns", SVG);
    wortel.setAttribute("width", String(dim.width));
    wortel.setAttribute("height", String(dim.height));
    wortel.setAttribute("viewBox", "0 0 " + dim.width + " " + dim.height);
    var el = function (naam, attrs) {
      var x = document.createElementNS(SVG, naam);
      Object.keys(attrs).forEach(function (k) { x.setAttribute(k, String(attrs[k])); });
      wortel.appendChild(x);
      return x;
    };
    el("rect", {x: 0, y: 0, width: dim.width, height: dim.height, fill: "#ffffff"});
    p.lijnen.forEach(function (l) {
      el("line", {x1: l.x1.toFixed(1), y1: l.y1.toFixed(1), x2: l.x2.toFixed(1), y2: l.y2.toFixed(1),
                  stroke: l.kleur, "stroke-width": l.dikte.toFixed(1)});
    });
    p.cirkels.forEach(function (c) {
      el("circle", {cx: c.x.toFixed(1), cy: c.y.toFixed(1), r: c.r.toFixed(1), fill: c.kleur});
    });
    p.labels.forEach(function (l) {
      var t = el("text", {x: l.x.toFixed(1), y: (l.y + letter * 0.85).toFixed(1),
                          "font-family": font, "font-size": letter, fill: "#111111",
                          stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke"});
      t.textContent = l.tekst;  // a partner name: text, never markup
    });
    return new XMLSerializer().serializeToString(wortel);
  }

  function png(sigma, getekend, letter, font, klaar) {
    var dim = sigma.getDimensions();
    var schaal = 2;
    var p = primitieven(sigma, getekend);
    var doek = document.createElement("canvas");
    doek.width = dim.width * schaal;
    doek.height = dim.height * schaal;
    var c = doek.getContext("2d");
    c.scale(schaal, schaal);
    c.fillStyle = "#ffffff";
    c.fillRect(0, 0, dim.width, dim.height);
    p.lijnen.forEach(function (l) {
      c.strokeStyle = l.kleur;
      c.lineWidth = l.dikte;
      c.beginPath();
      c.moveTo(l.x1, l.y1);
      c.lineTo(l.x2, l.y2);
      c.stroke();
    });
    p.cirkels.forEach(function (k) {
      c.fillStyle = k.kleur;
      c.beginPath();
      c.arc(k.x, k.y, k.r, 0, 2 * Math.PI);
      c.fill();
    });
    c.font = "normal " + letter + "px " + font;
    c.lineJoin = "round";
    p.labels.forEach(function (l) {
      c.lineWidth = 3;
      c.strokeStyle = "#ffffff";
      c.strokeText(l.tekst, l.x, l.y + letter * 0.85);
      c.fillStyle = "#111111";
      c.fillText(l.tekst, l.x, l.y + letter * 0.85);
    });
    doek.toBlob(klaar, "image/png");
  }

  function download(blob, naam) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = naam;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  window.HvkGraafBeeld = {overzicht: overzicht, svg: svg, png: png, download: download};
}());
