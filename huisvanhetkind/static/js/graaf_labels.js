/* Labels of the network picture: only where they fit, never on top of each other.
 *
 * sigma.js's own label grid may let two long names overlap. Here the labels are chosen greedily
 * (most important node first: selected, marked, then by size) and a label is kept only when its
 * box, measured with the same font the canvas uses, touches no box kept before. The chosen nodes
 * get `forceLabel`; sigma's grid is switched off (labelDensity 0). `teken` draws a label with a
 * white halo and records its box, so tests and the benchmark can measure what was drawn.
 * A label is canvas text, never HTML.
 */
(function () {
  "use strict";

  var LETTER = 12;  // px
  var FONT = "Arial, sans-serif";
  var RAND = 2;  // px of air round a label box
  var CEL = 64;  // px: bucket size of the collision grid
  var maat = null;
  var breedtes = new Map();

  function breedte(tekst) {
    var b = breedtes.get(tekst);
    if (b === undefined) {
      if (!maat) { maat = document.createElement("canvas").getContext("2d"); }
      maat.font = "normal " + LETTER + "px " + FONT;
      b = maat.measureText(tekst).width;
      breedtes.set(tekst, b);
    }
    return b;
  }

  // the box sigma's label occupies for a node drawn at viewport (x, y) with rendered size s
  function vak(x, y, s, tekst) {
    return {x: x + s + 3 - RAND, y: y + LETTER / 3 - LETTER * 0.85 - RAND,
            b: breedte(tekst) + 2 * RAND, h: LETTER * 1.15 + 2 * RAND};
  }

  function raakt(a, c) {
    return a.x < c.x + c.b && c.x < a.x + a.b && a.y < c.y + c.h && c.y < a.y + a.h;
  }

  /* kandidaten: [{key, x, y, s, label}] in viewport px, most important first.
     Returns the Set of keys whose label fits. */
  function kies(kandidaten, breedteVak, hoogteVak, maximum) {
    var rooster = new Map();
    var gekozen = new Set();
    for (var i = 0; i < kandidaten.length && gekozen.size < maximum; i++) {
      var k = kandidaten[i];
      if (!k.label) { continue; }
      var v = vak(k.x, k.y, k.s, k.label);
      if (v.x < 0 || v.y < 0 || v.x + v.b > breedteVak || v.y + v.h > hoogteVak) { continue; }
      var x0 = Math.floor(v.x / CEL), x1 = Math.floor((v.x + v.b) / CEL);
      var y0 = Math.floor(v.y / CEL), y1 = Math.floor((v.y + v.h) / CEL);
      var vrij = true;
      for (var cx = x0; cx <= x1 && vrij; cx++) {
        for (var cy = y0; cy <= y1 && vrij; cy++) {
          var lijst = rooster.get(cx + ":" + cy);
          if (lijst) {
            for (var j = 0; j < lijst.length; j++) {
              if (raakt(v, lijst[j])) { vrij = false; break; }
            }
          }
        }
      }
      if (!vrij) { continue; }
      for (cx = x0; cx <= x1; cx++) {
        for (cy = y0; cy <= y1; cy++) {
          var sleutel = cx + ":" + cy;
          if (!rooster.has(sleutel)) { rooster.set(sleutel, []); }
          rooster.get(sleutel).push(v);
        }
      }
      gekozen.add(k.key);
    }
    return gekozen;
  }

  /* sigma's defaultDrawNodeLabel: text with a white halo; the box goes into `getekend`. A label
     whose box touches one drawn before in the same frame is skipped: the choice of `kies` can be
     one camera move behind, the drawing never overlaps nor runs off the picture. */
  function tekenaar(getekend) {
    return function (context, data) {
      if (!data.label) { return; }
      var v = vak(data.x, data.y, data.size, data.label);
      var schaal = window.devicePixelRatio || 1;
      if (v.x < 0 || v.y < 0 || v.x + v.b > context.canvas.width / schaal ||
          v.y + v.h > context.canvas.height / schaal) { return; }  // never cut off at the edge
      for (var i = 0; i < getekend.length; i++) {
        var g = getekend[i];
        if (raakt(v, {x: g.x - RAND, y: g.y - RAND, b: g.b + 2 * RAND, h: g.h + 2 * RAND})) { return; }
      }
      context.font = "normal " + LETTER + "px " + FONT;
      var x = data.x + data.size + 3, y = data.y + LETTER / 3;
      context.lineWidth = 3;
      context.strokeStyle = "#ffffff";
      context.lineJoin = "round";
      context.strokeText(data.label, x, y);
      context.fillStyle = "#111111";
      context.fillText(data.label, x, y);
      getekend.push({key: data.key, tekst: data.label, x: v.x + RAND, y: v.y + RAND,
                     b: v.b - 2 * RAND, h: v.h - 2 * RAND});
    };
  }

  window.HvkGraafLabels = {LETTER: LETTER, FONT: FONT, kies: kies, tekenaar: tekenaar};
}());
