// Progressive enhancement only: every core flow works without this file.
// No inline handlers anywhere (the Content Security Policy forbids them); behaviour hangs on
// data- attributes instead.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("select[data-autosubmit]")) {
      el.form.requestSubmit();
    }
  });
})();
