// A form that comes back with errors (422) puts the focus on its first invalid field, or on the
// error summary when no field can take it, so keyboard and screen reader users land on the
// problem instead of the top of the page. A file, not an inline script: the CSP is script-src 'self'.
(function () {
  "use strict";

  function focusFirstError() {
    var main = document.getElementById("inhoud");
    if (!main) { return; }
    var invalid = main.querySelector("form .is-invalid, form [aria-invalid='true']");
    if (invalid && !invalid.matches("input, select, textarea")) {
      invalid = invalid.querySelector("input, select, textarea");  // a group of checkboxes
    }
    if (invalid) {
      invalid.focus();
      if (document.activeElement === invalid) { return; }
    }
    var summary = main.querySelector(".foutoverzicht, #formulierfout");
    if (summary) { summary.focus(); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusFirstError);
  } else {
    focusFirstError();
  }
})();
