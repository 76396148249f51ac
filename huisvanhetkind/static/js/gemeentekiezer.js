// Progressive enhancement of the municipality multi-selects (select[multiple][data-gemeentekiezer]):
// a search box that narrows the ~300 options, and a live list of what is chosen. Without JavaScript
// the plain multi-select still works.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[-']/g, " ");
  }

  function enhance(select) {
    var label = document.querySelector('label[for="' + select.id + '"]');
    var name = label ? label.textContent.trim() : "gemeenten";

    var wrap = document.createElement("div");
    wrap.className = "mb-1";
    var searchLabel = document.createElement("label");
    searchLabel.className = "form-label small mb-0";
    searchLabel.htmlFor = select.id + "-zoek";
    searchLabel.textContent = "Zoek in de lijst: " + name;
    var search = document.createElement("input");
    search.type = "search";
    search.id = select.id + "-zoek";
    search.className = "form-control form-control-sm";
    search.setAttribute("autocomplete", "off");
    search.setAttribute("aria-controls", select.id);
    wrap.appendChild(searchLabel);
    wrap.appendChild(search);
    select.parentNode.insertBefore(wrap, select);

    var chosen = document.createElement("p");
    chosen.id = select.id + "-gekozen";
    chosen.className = "form-text mb-0";
    chosen.setAttribute("aria-live", "polite");
    select.insertAdjacentElement("afterend", chosen);

    function showChosen() {
      var names = Array.prototype.filter.call(select.options, function (o) { return o.selected; })
        .map(function (o) { return o.textContent; });
      chosen.textContent = names.length ? "Gekozen (" + names.length + "): " + names.join(", ")
        : "Nog niets gekozen.";
    }

    search.addEventListener("input", function () {
      var q = fold(search.value.trim());
      Array.prototype.forEach.call(select.options, function (o) {
        o.hidden = q !== "" && !o.selected && fold(o.textContent).indexOf(q) === -1;
      });
    });
    // Enter in the search box picks the best visible match (exact, then prefix, then any)
    // instead of submitting the form.
    search.addEventListener("keydown", function (e) {
      if (e.key !== "Enter") { return; }
      e.preventDefault();
      var q = fold(search.value.trim());
      if (!q) { return; }
      var candidates = Array.prototype.filter.call(select.options, function (o) {
        return !o.selected && fold(o.textContent).indexOf(q) !== -1;
      });
      var match = candidates.find(function (o) { return fold(o.textContent) === q; }) ||
        candidates.find(function (o) { return fold(o.textContent).indexOf(q) === 0; }) ||
        candidates[0];
      if (match) {
        match.selected = true;
        search.value = "";
        search.dispatchEvent(new Event("input"));
        showChosen();
      }
    });
    select.addEventListener("change", showChosen);
    showChosen();
  }

  document.querySelectorAll("select[multiple][data-gemeentekiezer]").forEach(enhance);
})();
