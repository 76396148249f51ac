// A table wider than the screen scrolls inside its .table-responsive box. Such a box becomes a
// keyboard stop, named after the table's caption, so that keyboard users can scroll it too
// (WCAG 2.1.1; axe: scrollable-region-focusable). A box that fits gets no extra tab stop.
(function () {
  function markeer() {
    document.querySelectorAll(".table-responsive").forEach(function (box) {
      var schuift = box.scrollWidth > box.clientWidth + 1;
      if (schuift && !box.hasAttribute("tabindex")) {
        var caption = box.querySelector("caption");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", (caption ? caption.textContent.trim() + " — " : "") +
          "tabel, schuift horizontaal");
        box.dataset.schuift = "ja";
      } else if (!schuift && box.dataset.schuift === "ja") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
        delete box.dataset.schuift;
      }
    });
  }
  document.addEventListener("DOMContentLoaded", markeer);
  window.addEventListener("resize", markeer);
})();
