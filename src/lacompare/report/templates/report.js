// lacompare report: sort a table by any column; show a value's sentence, page and document.
(function () {
  "use strict";
  var pop = document.getElementById("pop");
  var pinned = null;

  function key(cell) {
    if (!cell) return null;
    var text = cell.hasAttribute("data-k") ? cell.getAttribute("data-k") : cell.textContent.trim();
    if (text === "" || text === "\u2013") return null;
    var number = text.replace(/,/g, "").match(/^[-\u2212]?£?(\d+(\.\d+)?)/);
    if (number) return parseFloat(number[1]) * (/^[-\u2212]/.test(text) ? -1 : 1);
    return text.toLowerCase();
  }
  function order(a, b, up) {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;  // blanks last either way
    var d = typeof a === typeof b ? (a < b ? -1 : a > b ? 1 : 0) : typeof a === "number" ? -1 : 1;
    return up ? d : -d;
  }
  function sortBy(th) {
    var body = th.closest("table").tBodies[0], col = th.cellIndex;
    var up = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", up ? "ascending" : "descending");
    var rows = Array.prototype.map.call(body.rows, function (r) { return [key(r.cells[col]), r]; });
    rows.sort(function (a, b) { return order(a[0], b[0], up); });
    rows.forEach(function (r) { body.appendChild(r[1]); });
  }
  document.querySelectorAll("table.sort thead th").forEach(function (th) {
    th.tabIndex = 0;
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(th); }
    });
  });

  function describe(mark) {
    var figure = mark.closest("figure"), title = mark.querySelector("title");
    var measure = figure && figure.querySelector("h3") ? figure.querySelector("h3").textContent : "";
    if (title) return (measure ? measure + " \u00b7 " : "") + title.textContent;
    var twin = figure && figure.querySelector("a[href='#q" + sourceId(mark) + "']");
    if (twin && twin !== mark) return describe(twin);  // a dot of a strip: its row of the table says which council
    var parts = [], cell = mark.closest("td"), row = mark.closest("tr");
    if (measure) parts.push(measure);
    var head = cell && row.closest("table").tHead;
    if (head && cell.cellIndex > 0 && !figure) parts.push(head.rows[0].cells[cell.cellIndex].textContent);
    if (row && row.cells[0] !== cell) parts.push(row.cells[0].textContent);
    return parts.join(" \u00b7 ") + ": " + mark.textContent;
  }
  function sourceId(mark) {
    return mark.getAttribute("data-s") || mark.getAttribute("href").slice(2);
  }
  function show(mark) {
    var source = document.getElementById("q" + sourceId(mark));
    if (!source) return;
    pop.textContent = "";
    var what = document.createElement("p");
    what.className = "what";
    what.textContent = describe(mark);
    pop.appendChild(what);
    Array.prototype.forEach.call(source.childNodes, function (n) { pop.appendChild(n.cloneNode(true)); });
    pop.hidden = false;
    var box = mark.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - pop.offsetWidth - 8));
    pop.style.left = left + window.scrollX + "px";
    pop.style.top = box.bottom + window.scrollY + 6 + "px";
  }
  function hide() { pop.hidden = true; pinned = null; }
  function markOf(e) {
    var mark = e.target.closest ? e.target.closest("[data-s], a[href^='#q']") : null;
    return mark && (mark.hasAttribute("data-s") || /^#q\d+$/.test(mark.getAttribute("href"))) ? mark : null;
  }
  document.addEventListener("mouseover", function (e) { var m = markOf(e); if (m && !pinned) show(m); });
  document.addEventListener("mouseout", function (e) {
    var m = markOf(e);
    if (m && !pinned && !m.contains(e.relatedTarget)) pop.hidden = true;
  });
  document.addEventListener("focusin", function (e) { var m = markOf(e); if (m) show(m); });
  document.addEventListener("click", function (e) {
    var m = markOf(e);
    if (m) {
      e.preventDefault();
      if (pinned === m) { hide(); } else { show(m); pinned = m; }
    } else if (!pop.contains(e.target)) {
      hide();
    }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
