/* The network picture (sigma.js on WebGL), built from graaf.json (the URL in #graaf's data-bron).
 *
 * Positions and groups come from the server (computed once per network revision). Filters,
 * focus, markings and the time slider only change what the reducers return, so a change is one
 * repaint. The partner table below is the keyboard and screen-reader twin: the same filters hide
 * the same rows. Every partner name is user data: it reaches the page through textContent, an
 * <option>'s value or as canvas text, never as HTML. Contract for tests: #graaf gets
 * data-klaar="ja" once the first frame is drawn and the picture answers to input.
 */
(function () {
  "use strict";

  var B = window.HvkGraafBibliotheek, L = window.HvkGraafLabels, V = window.HvkGraafBeeld;
  var houder = document.getElementById("graaf");
  if (!houder || !houder.getAttribute("data-bron") || !B || !L || !V) { return; }
  var GROEPKLEUREN = ["#1f77b4", "#c1272d", "#2a7d2e", "#7b4fa6", "#d9730d", "#0f8b9a",
    "#8c564b", "#c2408f", "#4d5b7c", "#8a8a16", "#393b79", "#637939"];
  var LOS = "#9e9e9e", GRIJS = "#d5d8dc", ROOD = "#c1121f";
  var $ = function (id) { return document.getElementById(id); };
  var alle = function (sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); };
  var getal = function (n) { return n.toLocaleString("nl-BE"); };
  var datum = function (iso) { var d = iso.split("-"); return d[2] + "/" + d[1] + "/" + d[0]; };
  var gewoon = function (t) {  // accent- and case-insensitive
    return t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  };

  // the same request as the page's <link rel="preload">, so the download started with the page
  fetch(houder.getAttribute("data-bron"), {credentials: "same-origin"})
    .then(function (a) { if (!a.ok) { throw new Error("HTTP " + a.status); } return a.json(); })
    .then(teken)
    .catch(function (fout) {
      houder.textContent = "De graaf kon niet getekend worden. De tabellen hieronder tonen " +
        "dezelfde gegevens; laad de pagina opnieuw om het nog eens te proberen.";
      houder.setAttribute("data-klaar", "fout");
      if (window.console) { window.console.error(fout); }
    });

  function teken(data) {
    performance.mark("graaf-gegevens");  // the steps are marked for the benchmark (bench/graaf.py)
    var perId = {}, buren = {}, links = {}, sectorKleur = {}, groepen = {};
    data.nodes.forEach(function (n) { perId[n.id] = n; buren[n.id] = []; links[n.id] = []; });
    data.edges.forEach(function (e) {
      buren[e.from].push(e.to); buren[e.to].push(e.from);
      links[e.from].push(e); links[e.to].push(e);
    });
    data.sectoren.forEach(function (s) { sectorKleur[s.code] = s.kleur; });
    data.groepen.forEach(function (g, i) {
      groepen[g.id] = {label: g.label, kleur: g.los ? LOS : GROEPKLEUREN[i % GROEPKLEUREN.length]};
    });
    var groot = data.nodes.length > 300;
    var pijlen = data.edges.length <= 3000;  // above: plain lines (direction: card and table)
    var glijden = pijlen ? 250 : 0;  // ms of camera glide; a large network jumps (one frame)
    var st = {sector: {}, soort: {}, bevestigd: "", groep: "", gemeente: "", tijd: null,
              focus: null, stappen: 1, markeer: {}, kleur: "sector", grootte: "graad",
              overzicht: "", open: {}, gekozen: null};
    var zicht = {knopen: new Set(), lijnen: new Set(), gemarkeerd: new Set(), labels: new Set()};
    var getekend = [];

    function kleurVan(n) {
      return st.kleur === "groep" ? groepen[n.groep].kleur : (sectorKleur[n.sector] || "#555555");
    }
    function grootteVan(n) {
      var basis = groot ? 2 : 4;
      return st.grootte === "betweenness" ? basis + Math.min(18, 60 * Math.sqrt(n.betweenness))
        : basis + Math.min(16, (groot ? 0.9 : 1.6) * Math.sqrt(n.value));
    }

    function bereken() {
      var buurt = null;
      if (st.focus !== null) {
        buurt = new Set([st.focus]);
        var rand = [st.focus];
        for (var stap = 0; stap < st.stappen; stap++) {
          var volgende = [];
          rand.forEach(function (id) {
            buren[id].forEach(function (b) { if (!buurt.has(b)) { buurt.add(b); volgende.push(b); } });
          });
          rand = volgende;
        }
      }
      zicht.knopen = new Set();
      data.nodes.forEach(function (n) {
        if (st.sector[n.sector] === false) { return; }
        if (st.groep && String(n.groep) !== st.groep) { return; }
        if (st.gemeente && n.gemeenten.indexOf(st.gemeente) < 0) { return; }
        if (st.tijd && n.lid_sinds && n.lid_sinds > st.tijd) { return; }
        if (buurt && !buurt.has(n.id)) { return; }
        zicht.knopen.add(n.id);
      });
      zicht.lijnen = new Set();
      data.edges.forEach(function (e) {
        if (!zicht.knopen.has(e.from) || !zicht.knopen.has(e.to) || st.soort[e.soort] === false) { return; }
        if ((st.bevestigd === "ja" && !e.bevestigd) || (st.bevestigd === "nee" && e.bevestigd)) { return; }
        if (st.tijd && e.sinds && e.sinds > st.tijd) { return; }
        zicht.lijnen.add(e.id);
      });
      zicht.gemarkeerd = new Set();
      data.nodes.forEach(function (n) {
        if ((st.markeer.kwetsbaar && n.kwetsbaar) || (st.markeer.makelaar && n.makelaar) ||
            (st.markeer.geisoleerd && n.geisoleerd)) { zicht.gemarkeerd.add(String(n.id)); }
      });
      if (st.markeer.brug) {
        data.edges.forEach(function (e) { if (e.brug) { zicht.gemarkeerd.add(e.id); } });
      }
      zicht.markering = Object.keys(st.markeer).some(function (k) { return st.markeer[k]; });
    }

    function knoopReducer(key, attr) {
      var n = perId[key];
      var uit = {x: attr.x, y: attr.y, label: attr.label, size: attr.size, color: attr.color, zIndex: 0};
      if (n) {
        uit.size = grootteVan(n);
        uit.color = kleurVan(n);
        if (!zicht.knopen.has(n.id)) { uit.hidden = true; }
      }
      if (zicht.markering && !zicht.gemarkeerd.has(key)) { uit.color = GRIJS; }
      if (zicht.gemarkeerd.has(key)) { uit.zIndex = 1; }
      if (st.gekozen === key) { uit.highlighted = true; uit.zIndex = 2; }
      uit.forceLabel = zicht.labels.has(key);
      return uit;
    }

    function lijnReducer(key, attr) {
      var uit = {size: attr.size, color: attr.color, type: attr.type};
      if (!attr.samen) {
        if (!zicht.lijnen.has(key)) { uit.hidden = true; }
        if (zicht.gemarkeerd.has(key)) { uit.color = ROOD; uit.size = 4; uit.zIndex = 1; }
        else if (zicht.markering) { uit.color = "rgba(200,200,200,0.35)"; }
      }
      return uit;
    }

    function volGraaf() {
      var g = new B.Graph({multi: true, type: "directed"});
      data.nodes.forEach(function (n) {
        g.addNode(String(n.id), {x: n.x, y: -n.y, label: n.label, size: 3, color: "#555555"});
      });
      data.edges.forEach(function (e) {
        g.addDirectedEdgeWithKey(e.id, String(e.from), String(e.to), {
          size: groot ? 0.6 : 1.2, type: pijlen ? "arrow" : "line",
          color: e.bevestigd ? (groot ? "#cfd4db" : "#7b8494")
            : (groot ? "#ecd9b8" : "#d4b483")});
      });
      return g;
    }

    function overzichtGraaf() {
      var knopen = data.nodes.filter(function (n) { return zicht.knopen.has(n.id); });
      var lijnen = data.edges.filter(function (e) { return zicht.lijnen.has(e.id); });
      var o = V.overzicht(data, st.overzicht, st.open, knopen, lijnen, function (u) {
        return st.overzicht === "groep" ? groepen[u].kleur : sectorKleur[u];
      });
      var g = new B.Graph({type: "undirected"});
      o.knopen.forEach(function (k) {
        if (k.partner) {
          g.addNode(k.key, {x: k.x, y: -k.y, label: k.partner.label, size: 3, color: "#555555"});
        } else {
          g.addNode(k.key, {x: k.x, y: -k.y, label: k.label, color: k.color, eenheid: k.eenheid,
                            size: Math.min(40, 6 + 2.5 * Math.sqrt(k.aantal))});
        }
      });
      o.lijnen.forEach(function (l, i) {
        g.addUndirectedEdgeWithKey("o" + i, l.van, l.naar, {samen: true, type: "line",
          size: Math.min(10, 0.8 + Math.log2(l.aantal)), color: "#b3bac4"});
      });
      return g;
    }

    bereken();
    performance.mark("graaf-berekend");
    var sigma;
    try {
      sigma = new B.Sigma(volGraaf(), houder, {
        labelDensity: 0, labelSize: L.LETTER, labelFont: L.FONT, zIndex: true,
        defaultDrawNodeLabel: L.tekenaar(getekend), enableCameraRotation: false,
        minCameraRatio: 0.01, maxCameraRatio: 3, hideEdgesOnMove: !pijlen,
        nodeReducer: knoopReducer, edgeReducer: lijnReducer,
        edgeProgramClasses: {arrow: B.EdgeArrowProgram, line: B.EdgeRectangleProgram}
      });
    } catch (fout) {
      houder.textContent = "Deze browser kan de graaf niet tekenen (WebGL ontbreekt). De tabellen " +
        "hieronder tonen dezelfde gegevens.";
      houder.setAttribute("data-klaar", "fout");
      return;
    }
    performance.mark("graaf-sigma");
    var camera = sigma.getCamera();
    sigma.on("beforeRender", function () { getekend.length = 0; });

    /* labels: only those that fit (graaf_labels.js), recomputed after every change of view */
    var labelTimer = null;
    // which labels fit; `zichtbaar(key, d)` says what will be visible (default: as drawn now)
    function kiesLabels(zichtbaar) {
      var dim = sigma.getDimensions(), kandidaten = [];
      sigma.getGraph().forEachNode(function (key) {
        var d = sigma.getNodeDisplayData(key), n = perId[key];
        if (!d || !(zichtbaar ? zichtbaar(key, d) : !d.hidden)) { return; }
        var p = sigma.framedGraphToViewport(d), s = n ? grootteVan(n) : d.size;
        var gewicht = (st.gekozen === key ? 4e6 : 0) + (zicht.gemarkeerd.has(key) ? 2e6 : 0) +
          (n ? 0 : 1e6) + s * 1000 + (n ? n.value : 0);
        kandidaten.push({key: key, x: p.x, y: p.y, s: sigma.scaleSize(s), label: d.label, w: gewicht});
      });
      kandidaten.sort(function (a, b) { return b.w - a.w; });
      return L.kies(kandidaten, dim.width, dim.height, 400);
    }
    function verschil(a, b, bij) {  // keys in one set only, added to `bij`
      a.forEach(function (k) { if (!b.has(k)) { bij.add(String(k)); } });
      b.forEach(function (k) { if (!a.has(k)) { bij.add(String(k)); } });
      return bij;
    }
    function labels() {
      labelTimer = null;
      var nieuw = kiesLabels(null);
      var anders = Array.from(verschil(nieuw, zicht.labels, new Set()))
        .filter(function (k) { return sigma.getGraph().hasNode(k); });
      zicht.labels = nieuw;
      if (anders.length) { sigma.refresh({partialGraph: {nodes: anders}, skipIndexation: true}); }
    }
    function labelsStraks(ms) {
      if (labelTimer) { clearTimeout(labelTimer); }
      labelTimer = setTimeout(labels, ms);
    }
    // after a change of graph or state, positions are final only once sigma has processed and
    // drawn it: the labels follow that frame (their own partial refresh draws one more)
    var labelsNaBeeld = false;
    sigma.on("afterRender", function () {
      if (labelsNaBeeld) { labelsNaBeeld = false; labelsStraks(0); }
    });
    camera.on("updated", function () { labelsStraks(90); });

    var rijen = alle("#tabel-partners + p + div tbody tr[data-id]");
    var lijnRijen = alle("tr[data-lijn]");
    function toonStatus() {
      var tekst = "Toont " + getal(zicht.knopen.size) + " van " + getal(data.nodes.length) +
        " partners en " + getal(zicht.lijnen.size) + " van " + getal(data.edges.length) + " verwijzingen";
      if (st.focus !== null) {
        tekst += " · focus op " + perId[st.focus].label + " (" + st.stappen + (st.stappen === 1 ? " stap)" : " stappen)");
      }
      if (st.tijd) { tekst += " · stand op " + datum(st.tijd); }
      if (st.overzicht) { tekst += " · overzicht per " + st.overzicht + ": klik op een " + st.overzicht + " om ze te openen"; }
      $("graaf-status").textContent = tekst + ".";
      $("graaf-focus-balk").hidden = st.focus === null;
      if (tabelTimer) { clearTimeout(tabelTimer); }
      tabelTimer = setTimeout(toonTabel, 120);  // after the picture's frame: it answers first
    }
    var tabelTimer = null;
    function toonTabel() {
      tabelTimer = null;
      rijen.forEach(function (r) { r.hidden = !zicht.knopen.has(Number(r.getAttribute("data-id"))); });
      lijnRijen.forEach(function (r) { r.hidden = !zicht.lijnen.has(r.getAttribute("data-lijn")); });
      $("tabel-status").textContent = zicht.knopen.size === data.nodes.length ? ""
        : "De tabel volgt de filters van de graaf: " + getal(zicht.knopen.size) + " van " +
          getal(data.nodes.length) + " partners.";
    }

    /* every change of state: one recomputation, one repaint, then the labels */
    /* every change of state: one recomputation and one repaint. A filter, the time, a focus or
       a selection repaint only the nodes and links that change (sigma's partial refresh), with
       the labels chosen beforehand; colour, size and markings redraw everything. */
    var vorigeStijl = null;
    function werkBij(opnieuwOpbouwen) {
      var oud = {knopen: zicht.knopen, lijnen: zicht.lijnen, labels: zicht.labels, gekozen: st.gekozen};
      bereken();
      var stijl = [st.kleur, st.grootte, JSON.stringify(st.markeer)].join("|");
      if (st.overzicht || opnieuwOpbouwen) {
        sigma.setGraph(st.overzicht ? overzichtGraaf() : volGraaf());
        labelsNaBeeld = true;  // new positions: the labels follow the first frame
        sigma.scheduleRender();
      } else {
        zicht.labels = kiesLabels(function (key) { return !perId[key] || zicht.knopen.has(perId[key].id); });
        if (stijl !== vorigeStijl) {
          sigma.refresh();
        } else {
          var knopen = verschil(oud.knopen, zicht.knopen, verschil(oud.labels, zicht.labels, new Set()));
          [oud.gekozen, st.gekozen].forEach(function (k) { if (k !== null) { knopen.add(String(k)); } });
          var lijnen = verschil(oud.lijnen, zicht.lijnen, new Set());
          // keys of the graph drawn before (an overview's group nodes "u:…") may be gone now
          var g = sigma.getGraph();
          sigma.refresh({partialGraph: {
            nodes: Array.from(knopen).filter(function (k) { return g.hasNode(k); }),
            edges: Array.from(lijnen).filter(function (k) { return g.hasEdge(k); })},
            skipIndexation: true});
        }
      }
      vorigeStijl = stijl;
      toonStatus();
    }

    function passend(ids) {
      if (!ids || !ids.length) { camera.animatedReset({duration: 250}); return; }
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      ids.forEach(function (k) {
        var d = sigma.getNodeDisplayData(k);
        if (!d) { return; }
        x0 = Math.min(x0, d.x); x1 = Math.max(x1, d.x); y0 = Math.min(y0, d.y); y1 = Math.max(y1, d.y);
      });
      if (x0 === Infinity) { return; }
      camera.animate({x: (x0 + x1) / 2, y: (y0 + y1) / 2,
                      ratio: Math.max(0.06, 1.4 * Math.max(x1 - x0, y1 - y0))}, {duration: glijden});
    }

    var kaart = $("graaf-kaart");
    function zet(id, tekst) { $(id).textContent = tekst; }
    function toonKaart(id, focus) {
      var n = perId[id];
      if (!n) { return; }
      zet("kaart-naam", n.label);
      zet("kaart-sector", n.sector_label);
      zet("kaart-groep", groepen[n.groep].label);
      zet("kaart-graad", String(n.value));
      var k = [];
      if (n.geisoleerd) { k.push("geïsoleerd"); }
      if (n.kwetsbaar) { k.push("kwetsbare schakel"); }
      if (n.makelaar) { k.push("makelaar"); }
      zet("kaart-kenmerken", k.join(", ") || "—");
      var lijst = $("kaart-links");
      while (lijst.firstChild) { lijst.removeChild(lijst.firstChild); }
      links[id].slice(0, 50).forEach(function (e) {
        var uit = e.from === id, ander = perId[uit ? e.to : e.from];
        var li = document.createElement("li");
        li.textContent = (uit ? "→ naar " : "← van ") + ander.label + " (" + e.soort_label.toLowerCase() +
          (e.bevestigd ? ", bevestigd" : ", niet bevestigd") + ")";
        lijst.appendChild(li);
      });
      if (links[id].length > 50) {
        var meer = document.createElement("li");
        meer.textContent = "… en nog " + (links[id].length - 50) + " (zie de pagina Verwijzingen).";
        lijst.appendChild(meer);
      }
      if (!links[id].length) {
        var leeg = document.createElement("li");
        leeg.textContent = "Geen verwijzingen.";
        lijst.appendChild(leeg);
      }
      var a = $("kaart-organisatie");
      if (typeof n.url === "string" && n.url.charAt(0) === "/" && n.url.charAt(1) !== "/") {
        a.setAttribute("href", n.url);
      }
      a.textContent = "Naar de organisatiepagina van " + n.label;
      kaart.hidden = false;
      if (focus) { $("kaart-naam").focus(); }
    }

    /* select a partner: open its unit in the overview, centre it, show its card */
    function kies(id, kaartFocus) {
      var n = perId[id];
      if (!n) { return false; }
      if (st.overzicht) {
        var u = st.overzicht === "groep" ? String(n.groep) : n.sector;
        if (!st.open[u]) { st.open[u] = true; }
      }
      st.gekozen = String(id);
      werkBij(false);
      toonKaart(id, kaartFocus);
      var d = sigma.getNodeDisplayData(String(id));
      if (d && !d.hidden) {
        camera.animate({x: d.x, y: d.y, ratio: Math.min(camera.getState().ratio, 0.3)}, {duration: glijden});
      } else {
        $("graaf-status").textContent = n.label + " valt buiten de huidige filters of de gekozen datum.";
      }
      return true;
    }

    sigma.on("clickNode", function (p) {
      if (!sigma.getGraph().hasNode(p.node)) { return; }  // picked from a graph just replaced
      var attr = sigma.getGraph().getNodeAttributes(p.node);
      if (attr.eenheid !== undefined) { st.open[attr.eenheid] = true; werkBij(false); return; }
      kies(Number(p.node), false);
    });

    /* search: suggestions (accent-insensitive) in the datalist; Enter or a suggestion selects */
    var index = data.nodes.map(function (n) { return {n: n, s: gewoon(n.label)}; })
      .sort(function (a, b) { return a.s < b.s ? -1 : a.s > b.s ? 1 : 0; });
    var zoek = $("graaf-zoek"), namen = $("graaf-namen");
    function treffers(q) {
      var begin = [], midden = [];
      for (var i = 0; i < index.length && begin.length < 20; i++) {
        var p = index[i].s.indexOf(q);
        if (p === 0) { begin.push(index[i].n); } else if (p > 0 && midden.length < 20) { midden.push(index[i].n); }
      }
      return begin.concat(midden).slice(0, 20);
    }
    function zoekNu(alleenExact) {
      var q = gewoon(zoek.value);
      if (!q) { return; }
      var exact = index.filter(function (x) { return x.s === q; })[0];
      if (exact) { kies(exact.n.id, false); return; }
      if (alleenExact) { return; }
      var t = treffers(q);
      if (t.length) { kies(t[0].id, false); } else {
        $("graaf-status").textContent = "Geen partner gevonden voor “" + zoek.value + "”.";
      }
    }
    zoek.addEventListener("input", function () {
      var q = gewoon(zoek.value);
      while (namen.firstChild) { namen.removeChild(namen.firstChild); }
      if (q) {
        treffers(q).forEach(function (n) {
          var o = document.createElement("option");
          o.value = n.label;
          namen.appendChild(o);
        });
      }
      zoekNu(true);
    });
    zoek.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); zoekNu(false); }
    });

    /* filters, markings, colour, size and overview */
    alle("input[data-graaf-filter]").forEach(function (v) {
      st[v.getAttribute("data-graaf-filter")][v.value] = v.checked;
      v.addEventListener("change", function () {
        st[v.getAttribute("data-graaf-filter")][v.value] = v.checked;
        werkBij(false);
      });
    });
    alle("select[data-graaf-keuze]").forEach(function (s) {
      s.addEventListener("change", function () { st[s.getAttribute("data-graaf-keuze")] = s.value; werkBij(false); });
    });
    alle("input[data-graaf-markeer]").forEach(function (v) {
      v.addEventListener("change", function () { st.markeer[v.value] = v.checked; werkBij(false); });
    });
    document.querySelector("form.graaf-filters").addEventListener("reset", function () {
      setTimeout(function () {
        st.sector = {}; st.soort = {}; st.markeer = {};
        st.bevestigd = st.groep = st.gemeente = "";
        st.kleur = "sector"; st.grootte = "graad";
        werkBij(false);
      }, 0);
    });
    $("graaf-kleur").addEventListener("change", function (e) { st.kleur = e.target.value; werkBij(false); });
    $("graaf-grootte").addEventListener("change", function (e) { st.grootte = e.target.value; werkBij(false); });
    $("graaf-overzicht").addEventListener("change", function (e) {
      st.overzicht = e.target.value;
      st.open = {};
      werkBij(true);
      camera.animatedReset({duration: 0});
    });
    $("graaf-passend").addEventListener("click", function () { camera.animatedReset({duration: 250}); });

    /* focus: one partner and its neighbours at 1 or 2 steps */
    function focusOp() {
      if (st.gekozen === null || !perId[st.gekozen]) { return; }
      st.focus = Number(st.gekozen);
      st.stappen = Number($("focus-stappen").value);
      werkBij(false);
      passend(Array.from(zicht.knopen).map(String));
    }
    $("kaart-focus").addEventListener("click", focusOp);
    $("focus-stappen").addEventListener("change", function () { if (st.focus !== null) { focusOp(); } });
    $("graaf-focus-uit").addEventListener("click", function () {
      st.focus = null;
      werkBij(false);
      camera.animatedReset({duration: 250});
    });

    alle("button[data-knoop]").forEach(function (knop) {
      knop.addEventListener("click", function () { kies(Number(knop.getAttribute("data-knoop")), true); });
    });

    /* time: the network as it grew, up to the peildatum */
    var dagen = Array.from(new Set(data.nodes.map(function (n) { return n.lid_sinds; })
      .concat(data.edges.map(function (e) { return e.sinds; }))
      .filter(function (d) { return d && d <= data.peildatum; }))).sort();
    var tijd = $("graaf-tijd"), tijdTekst = $("graaf-tijd-tekst"), speler = null;
    tijd.max = String(dagen.length);
    tijd.value = String(dagen.length);
    function zetTijd() {
      var i = Number(tijd.value);
      st.tijd = i < dagen.length ? dagen[i] : null;
      tijdTekst.textContent = "Stand op " + datum(st.tijd || data.peildatum);
      werkBij(false);
    }
    tijd.addEventListener("input", zetTijd);
    $("graaf-afspelen").addEventListener("click", function (e) {
      if (speler) { clearInterval(speler); speler = null; e.target.textContent = "Afspelen"; return; }
      var stap = Math.max(1, Math.ceil(dagen.length / 40));
      tijd.value = "0";
      zetTijd();
      e.target.textContent = "Stop";
      speler = setInterval(function () {
        tijd.value = String(Math.min(dagen.length, Number(tijd.value) + stap));
        zetTijd();
        if (Number(tijd.value) >= dagen.length) { clearInterval(speler); speler = null; e.target.textContent = "Afspelen"; }
      }, 350);
    });
    if (!dagen.length) { tijd.closest(".graaf-tijd").hidden = true; }

    /* full screen (the Fullscreen API where there is one, else a fixed layer: phones) */
    var vak = $("graaf-vak"), volledig = $("graaf-volledig");
    function zetVolledig(aan) {
      vak.classList.toggle("graaf-vak--volledig", aan);
      volledig.setAttribute("aria-pressed", aan ? "true" : "false");
      volledig.textContent = aan ? "Sluit volledig scherm" : "Volledig scherm";
      setTimeout(function () { sigma.resize(); sigma.refresh(); labelsStraks(0); }, 50);
    }
    volledig.addEventListener("click", function () {
      var aan = !vak.classList.contains("graaf-vak--volledig");
      if (!aan && document.fullscreenElement) { document.exitFullscreen(); }
      if (aan && vak.requestFullscreen) { vak.requestFullscreen().catch(function () {}); }
      zetVolledig(aan);
    });
    document.addEventListener("fullscreenchange", function () {
      if (!document.fullscreenElement && vak.classList.contains("graaf-vak--volledig")) { zetVolledig(false); }
    });

    /* export of the current view */
    var naam = "netwerkgraaf-" + (houder.getAttribute("data-bron").match(/\d+/) || ["x"])[0];
    $("graaf-svg").addEventListener("click", function () {
      V.download(new Blob([V.svg(sigma, getekend, L.LETTER, L.FONT)], {type: "image/svg+xml"}), naam + ".svg");
    });
    $("graaf-png").addEventListener("click", function () {
      V.png(sigma, getekend, L.LETTER, L.FONT, function (blob) { V.download(blob, naam + ".png"); });
    });

    /* reachable from the browser tests, the benchmark and the console; not global */
    houder.hvk = {
      sigma: sigma, kies: kies,
      labels: function () { return getekend.slice(); },
      labelKeuze: function () { return Array.from(zicht.labels); },
      punt: function (key) {
        var d = sigma.getNodeDisplayData(String(key));
        if (!d || d.hidden) { return null; }
        var p = sigma.framedGraphToViewport(d), r = houder.getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
      },
      toestand: function () {
        return {knopen: zicht.knopen.size, lijnen: zicht.lijnen.size, focus: st.focus,
                overzicht: st.overzicht, getoond: sigma.getGraph().order, tijd: st.tijd,
                gemarkeerd: zicht.gemarkeerd.size, gekozen: st.gekozen};
      }
    };
    var beelden = 0;
    sigma.on("afterRender", function () {
      beelden += 1;
      houder.setAttribute("data-beeld", String(beelden));
      if (!houder.hasAttribute("data-klaar")) {
        houder.setAttribute("data-ready", String(Math.round(window.performance.now())));
        houder.setAttribute("data-klaar", "ja");
      }
    });
    toonStatus();
    labels();
    sigma.refresh();
  }
}());
