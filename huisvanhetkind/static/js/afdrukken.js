// Buttons marked data-afdrukken open the browser's print dialog (no inline handlers: CSP).
document.querySelectorAll("[data-afdrukken]").forEach(function (knop) {
  knop.addEventListener("click", function () { window.print(); });
});
