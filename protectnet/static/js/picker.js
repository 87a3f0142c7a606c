// Searchable pickers (core/picker.py): a <select> inside [data-picker] becomes a WAI-ARIA
// combobox with a listbox popup. Typing asks the server (htmx) for matching options; Down and
// Up move through them, Enter or a click chooses, Escape closes the list (or clears the text).
// A multiple picker lists what is chosen, each with a Remove button. The select stays in the
// form, hidden, and carries the chosen values, so the server validates them as before.
(function () {
  "use strict";
  var counter = 0;
  // Texts come from Django's JavaScript catalogue (base.html loads it before this file).
  var gettext = window.gettext || function (text) { return text; };
  var ngettext = window.ngettext || function (one, many, n) { return n === 1 ? one : many; };
  var interpolate = window.interpolate || function (text, values) { return text.replace("%s", values[0]); };
  var HINT = gettext("Type at least two letters, then choose with the arrow keys and Enter.");

  function make(tag, props) {
    var el = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) { el.setAttribute(key, props[key]); });
    return el;
  }

  function Picker(root) {
    this.root = root;
    this.select = root.querySelector("select");
    this.multiple = root.hasAttribute("data-picker-multiple");
    var id = this.select.id || "picker-" + (++counter);
    this.input = make("input", {
      type: "text", id: id + "_search", role: "combobox", autocomplete: "off",
      "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": id + "_listbox",
      "aria-describedby": [id + "_pickerhint", this.select.getAttribute("aria-describedby")].join(" ").trim()
    });
    if (this.select.getAttribute("aria-invalid")) this.input.setAttribute("aria-invalid", "true");
    if (this.select.required) this.input.setAttribute("aria-required", "true");
    this.listbox = make("ul", { id: id + "_listbox", role: "listbox", class: "picker-listbox", hidden: "" });
    this.results = make("div", { hidden: "" });
    this.status = make("p", { id: id + "_pickerhint", class: "picker-status", "aria-live": "polite" });
    this.status.textContent = HINT;
    this.chosen = make("ul", { class: "picker-chosen", "aria-label": gettext("Chosen") });
    var label = document.querySelector('label[for="' + this.select.id + '"]');
    if (label) {
      label.setAttribute("for", this.input.id);
      this.listbox.setAttribute("aria-label", label.textContent.replace("*", "").trim());
    }
    var wrap = make("div", { class: "picker-box" });
    wrap.append(this.input, this.listbox);
    root.append(wrap, this.status, this.results);
    if (this.multiple) root.insertBefore(this.chosen, wrap);
    this.adopt(this.select);
    this.bind();
  }

  // The select is the form's value: hidden from everyone (the combobox speaks for it) and never
  // "required" in the browser's sense, which would block the form on a control no one can reach.
  Picker.prototype.adopt = function (select) {
    this.select = select;
    select.hidden = true;
    select.required = false;
    select.tabIndex = -1;
    this.sync();
  };

  Picker.prototype.sync = function () {
    var picked = Array.prototype.filter.call(this.select.options, function (o) { return o.selected && o.value; });
    if (!this.multiple) {
      this.input.value = picked.length ? picked[0].textContent.trim() : "";
      return;
    }
    var self = this;
    this.chosen.textContent = "";
    picked.forEach(function (option) {
      var item = make("li");
      var remove = make("button", { type: "button", class: "outline secondary" });
      remove.textContent = gettext("Remove");
      remove.append(make("span", { class: "visually-hidden" }));
      remove.lastChild.textContent = " " + option.textContent.trim();
      remove.addEventListener("click", function () {
        option.selected = false;
        self.sync();
        self.input.focus();
      });
      item.append(document.createTextNode(option.textContent.trim() + " "), remove);
      self.chosen.append(item);
    });
    this.chosen.hidden = !picked.length;
  };

  Picker.prototype.bind = function () {
    var self = this;
    var timer = null;
    this.input.addEventListener("input", function () {
      clearTimeout(timer);
      if (!self.multiple && !self.input.value.trim()) self.select.value = "";
      timer = setTimeout(function () { self.search(); }, 250);
    });
    this.input.addEventListener("keydown", function (event) { self.key(event); });
    this.input.addEventListener("blur", function () { setTimeout(function () { self.close(); }, 150); });
    this.listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
    this.listbox.addEventListener("click", function (event) {
      var option = event.target.closest('[role="option"]');
      if (option) self.choose(option);
    });
    this.results.addEventListener("htmx:afterSwap", function () { self.show(); });
  };

  Picker.prototype.search = function () {
    var q = this.input.value.trim();
    if (q.length < 2) {
      this.close();
      this.status.textContent = HINT;
      return;
    }
    var url = this.root.getAttribute("data-picker-url");
    url += (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(q);
    window.htmx.ajax("GET", url, { target: this.results, swap: "innerHTML" });
  };

  Picker.prototype.show = function () {
    var id = this.listbox.id;
    var options = this.results.querySelectorAll('[role="option"]');
    this.listbox.textContent = "";
    Array.prototype.forEach.call(options, function (option, i) {
      option.id = id + "_" + i;
      this.listbox.append(option);
    }, this);
    var note = this.results.querySelector("[data-picker-note]");
    var n = options.length;
    var count = interpolate(ngettext("%s match: choose it with the arrow keys.", "%s matches: choose one with the arrow keys.", n), [n]);
    var none = gettext("Nothing matches: type another part of the name.");
    this.status.textContent = n ? count + (note ? " " + note.textContent : "") : none;
    if (options.length) this.open(); else this.close();
  };

  Picker.prototype.open = function () {
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  Picker.prototype.close = function () {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  Picker.prototype.move = function (step) {
    var options = Array.prototype.slice.call(this.listbox.querySelectorAll('[role="option"]'));
    if (!options.length) return;
    if (this.listbox.hidden) this.open();
    var current = options.findIndex(function (o) { return o.getAttribute("aria-selected") === "true"; });
    var next = current < 0 ? (step > 0 ? 0 : options.length - 1) : (current + step + options.length) % options.length;
    options.forEach(function (o, i) { o.setAttribute("aria-selected", i === next ? "true" : "false"); });
    this.input.setAttribute("aria-activedescendant", options[next].id);
    options[next].scrollIntoView({ block: "nearest" });
  };

  Picker.prototype.key = function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); this.move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); this.move(-1); }
    else if (event.key === "Enter" && !this.listbox.hidden) {
      var active = this.listbox.querySelector('[aria-selected="true"]');
      if (active) { event.preventDefault(); this.choose(active); }
    } else if (event.key === "Escape") {
      if (!this.listbox.hidden) { event.preventDefault(); this.close(); }
      else if (!this.multiple) { this.input.value = ""; this.select.value = ""; }
    }
  };

  // The chosen value joins the select's options if the first answer did not hold it, so the
  // form sends it; the server then checks it against what the reader may choose.
  Picker.prototype.choose = function (item) {
    var value = item.getAttribute("data-value");
    var label = item.firstChild.textContent.trim();
    var option = Array.prototype.find.call(this.select.options, function (o) { return o.value === value; });
    if (!option) {
      option = new Option(label, value);
      this.select.add(option);
    }
    if (!this.multiple) this.select.value = value;
    option.selected = true;
    this.select.dispatchEvent(new Event("change", { bubbles: true }));
    this.close();
    this.sync();
    if (this.multiple) this.input.value = "";
    this.status.textContent = label;
  };

  function enhance(scope) {
    if (!window.htmx) return;  // without htmx the plain select serves
    var roots = scope.matches && scope.matches("[data-picker]") ? [scope] : [];
    roots = roots.concat(Array.prototype.slice.call(scope.querySelectorAll("[data-picker]")));
    roots.forEach(function (root) {
      if (!root.picker) root.picker = new Picker(root);
    });
  }

  // An htmx swap may replace a picker's select (the workshop form refills the time zone when
  // the host country changes): the picker adopts the new one.
  document.addEventListener("htmx:load", function (event) {
    var el = event.target;
    var root = el.closest && el.closest("[data-picker]");
    if (el.tagName === "SELECT" && root && root.picker) root.picker.adopt(el);
    else enhance(el);
  });
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
})();
