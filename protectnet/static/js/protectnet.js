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
// The navigation's disclosure menus ("More", the phone "Menu") open without JavaScript; with
// it, they also close as menus are expected to: on Escape (focus back on the button) and on a
// click elsewhere on the page.
(function () {
  "use strict";
  var MENUS = ".site-header details[open]";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(MENUS).forEach(function (menu) {
      menu.open = false;
      if (menu.contains(document.activeElement)) menu.querySelector("summary").focus();
    });
  });
  document.addEventListener("click", function (event) {
    document.querySelectorAll(MENUS).forEach(function (menu) {
      if (!menu.contains(event.target)) menu.open = false;
    });
  });
})();
// Filter panels start closed so that phones show the results first; on a wide screen there is
// room beside the results, so they open.
(function () {
  "use strict";
  if (!window.matchMedia("(min-width: 900px)").matches) return;
  document.querySelectorAll("details[data-open-wide]").forEach(function (panel) {
    panel.open = true;
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    event.target.querySelectorAll("details[data-open-wide]").forEach(function (panel) {
      panel.open = true;
    });
  });
})();
