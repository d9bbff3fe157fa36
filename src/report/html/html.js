// factlint report: opens a finding's explanation, filters numbers by status, moves between
// findings with j/k or n/p. Reads the page only; everything shown is copied from elements
// that the report wrote (and escaped), never parsed from strings.
(function () {
  "use strict";
  var doc = document;
  var panel = doc.getElementById("panel");
  var body = doc.getElementById("panel-body");
  // The first element of each finding, in reading order.
  var order = [];
  var seen = {};
  doc.querySelectorAll("main [data-f]").forEach(function (el) {
    var id = el.getAttribute("data-f");
    if (!seen[id]) { seen[id] = true; order.push(el); }
  });
  var current = -1;

  function ids(el) {
    var found = [];
    for (; el && el !== doc.body; el = el.parentElement) {
      ["data-f", "data-m"].forEach(function (a) {
        var v = el.getAttribute(a);
        if (v && found.indexOf(v) < 0) { found.push(v); }
      });
    }
    // Findings first, then the number's reading.
    return found.sort(function (a, b) { return (a[0] === "m") - (b[0] === "m"); });
  }

  function open(el) {
    body.textContent = "";
    ids(el).forEach(function (id) {
      var d = doc.getElementById(id);
      if (d) { body.appendChild(d.cloneNode(true)); }
    });
    doc.querySelectorAll(".current").forEach(function (c) { c.classList.remove("current"); });
    el.classList.add("current");
    panel.hidden = !body.firstChild;
  }

  function close() {
    panel.hidden = true;
    doc.querySelectorAll(".current").forEach(function (c) { c.classList.remove("current"); });
  }

  function show(index) {
    current = index;
    var el = order[current];
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
    open(el);
    // The address names the finding, so a link to the page can point at it.
    history.replaceState(null, "", "#" + el.getAttribute("data-f"));
  }

  function go(step) {
    if (order.length) { show((current + step + order.length) % order.length); }
  }

  function fromAddress() {
    var id = decodeURIComponent(location.hash.slice(1));
    for (var i = 0; i < order.length; i++) {
      if (order[i].getAttribute("data-f") === id) { show(i); return; }
    }
  }

  doc.addEventListener("click", function (ev) {
    if (panel.contains(ev.target)) {
      if (ev.target.closest(".close")) { close(); }
      return;
    }
    var el = ev.target.closest("main [data-f], main [data-m]");
    if (!el) { return; }
    var f = el.closest("[data-f]");
    if (f) { current = order.indexOf(order.filter(function (o) { return o.getAttribute("data-f") === f.getAttribute("data-f"); })[0]); }
    open(el);
  });

  doc.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(ev.target.tagName)) { return; }
    if (ev.key === "j" || ev.key === "n") { go(1); ev.preventDefault(); }
    else if (ev.key === "k" || ev.key === "p") { go(-1); ev.preventDefault(); }
    else if (ev.key === "Escape") { close(); }
    else if (ev.key === "Enter" && ev.target.matches && ev.target.matches("[data-f]")) { open(ev.target); }
  });

  doc.querySelectorAll(".filters input").forEach(function (input) {
    input.addEventListener("change", function () {
      doc.body.classList.toggle("hide-" + input.value, !input.checked);
    });
  });

  window.addEventListener("hashchange", fromAddress);
  fromAddress();

  // Tells a reader of the rendered page (and the browser test) that the script ran.
  doc.documentElement.setAttribute("data-ready", String(order.length));
})();
