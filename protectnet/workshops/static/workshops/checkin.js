/* Check-in: scans and typed codes go into a queue kept in localStorage, then are sent one by one.
   Offline, the queue waits and is sent when the connection returns; the server is idempotent per
   person and day, so sending a scan twice is harmless. Camera scanning uses the browser's
   BarcodeDetector where available; typing the badge code always works. */
(function () {
  "use strict";
  var form = document.querySelector("[data-checkin]");
  if (!form) { return; }
  var KEY = "protectnet.checkin.queue." + form.dataset.workshop;
  var results = document.querySelector("[data-results]");
  var statusLine = document.querySelector("[data-queue-status]");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var sending = false;
  // Texts come from Django's JavaScript catalogue (djangojs), loaded before this script; without
  // it (a failed request) the English text is shown rather than nothing.
  var gettext = window.gettext || function (text) { return text; };
  var ngettext = window.ngettext || function (one, many, n) { return n === 1 ? one : many; };
  var interpolate = window.interpolate || function (text, values) { return text.replace("%s", values[0]); };

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function save(queue) { localStorage.setItem(KEY, JSON.stringify(queue)); showStatus(); }
  function showStatus() {
    var n = load().length;
    statusLine.textContent = n ? interpolate(ngettext("%s scan waiting to be sent.", "%s scans waiting to be sent.", n), [n]) : "";
  }
  function report(text, kind) {
    var li = document.createElement("li");
    li.className = kind;
    li.textContent = text;
    results.insertBefore(li, results.firstChild);
  }
  function enqueue(code) {
    code = (code || "").trim();
    if (!code) { return; }
    var session = form.querySelector("[name=session]");
    var queue = load();
    queue.push({ code: code, day: form.dataset.day, session: session ? session.value : "" });
    save(queue);
    if (!navigator.onLine) { report(gettext("Saved; will be sent when the connection returns."), "queued"); }
    flush();
  }
  function flush() {
    if (sending || !navigator.onLine) { showStatus(); return; }
    var queue = load();
    if (!queue.length) { return; }
    sending = true;
    var item = queue[0];
    var body = new URLSearchParams({ code: item.code, day: item.day, session: item.session || "" });
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "Accept": "application/json" },
      body: body
    }).then(function (response) {
      return response.json().then(function (data) { return { status: response.status, data: data }; });
    }).then(function (answer) {
      // Answered (checked in, or refused as invalid): drop it from the queue either way.
      var rest = load(); rest.shift(); save(rest);
      report(answer.data.message, answer.data.ok ? "ok" : "fail");
      // The "N of M checked in" counter (htmx) refreshes at once rather than at its next poll.
      if (answer.data.ok) { document.body.dispatchEvent(new CustomEvent("checkin-recorded")); }
      sending = false;
      flush();
    }).catch(function () {
      // No connection: keep the scan, try again when the browser is back online.
      sending = false;
      report(gettext("Saved; will be sent when the connection returns."), "queued");
      showStatus();
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var input = form.querySelector("[name=code]");
    enqueue(input.value);
    input.value = "";
    input.focus();
  });
  window.addEventListener("online", flush);
  setInterval(flush, 15000);

  var scanButton = document.querySelector("[data-scan]");
  var video = document.querySelector("[data-scan-video]");
  if ("BarcodeDetector" in window && navigator.mediaDevices && scanButton) {
    scanButton.hidden = false;
    scanButton.addEventListener("click", function () {
      var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      var last = "";
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        video.play();
        function tick() {
          detector.detect(video).then(function (codes) {
            if (codes.length && codes[0].rawValue !== last) {
              last = codes[0].rawValue;
              enqueue(last);
            }
          }).catch(function () {}).finally(function () { window.setTimeout(tick, 400); });
        }
        tick();
      }).catch(function () { report(gettext("The camera is not available: type the badge code."), "fail"); });
    });
  }
  showStatus();
  flush();
})();
