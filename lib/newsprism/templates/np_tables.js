// newsprism tables: search, sort and pages for long tables, offline. Rows are moved and
// hidden, never rebuilt: no text is parsed as HTML, so escaped article text stays text.
(function () {
  function text(row) { return row.textContent.toLowerCase(); }
  function key(row, col) {
    var cell = row.cells[col], v = cell ? cell.getAttribute("data-v") : null;
    return v === null ? (cell ? cell.textContent.trim().toLowerCase() : "") : parseFloat(v);
  }
  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    return String(a).localeCompare(String(b));
  }
  function button(label) {
    var b = document.createElement("button");
    b.type = "button"; b.textContent = label; return b;
  }
  function setup(wrap) {
    wrap.setAttribute("data-np-ready", "1");
    var table = wrap.querySelector("table.np-table"), body = table && table.tBodies[0];
    if (!body) { return; }
    var rows = Array.prototype.slice.call(body.rows);
    var size = parseInt(wrap.getAttribute("data-np-page") || "0", 10);
    var state = {page: 0, query: "", col: -1, dir: 1};
    var tools = document.createElement("div"), search = document.createElement("input");
    var info = document.createElement("span"), prev = button("‹ previous"), next = button("next ›");
    tools.className = "np-tools"; info.className = "np-count";
    search.type = "search"; search.placeholder = "Search " + rows.length + " rows";
    search.setAttribute("aria-label", "Search this table");
    tools.appendChild(search); tools.appendChild(info);
    if (size) { tools.appendChild(prev); tools.appendChild(next); }
    wrap.insertBefore(tools, wrap.firstChild);
    function render() {
      var shown = rows.filter(function (r) { return !state.query || text(r).indexOf(state.query) >= 0; });
      if (state.col >= 0) {
        shown.sort(function (a, b) { return state.dir * compare(key(a, state.col), key(b, state.col)); });
      }
      var pages = size ? Math.max(1, Math.ceil(shown.length / size)) : 1;
      state.page = Math.min(state.page, pages - 1);
      var start = size ? state.page * size : 0, end = size ? start + size : shown.length;
      rows.forEach(function (r) { r.hidden = true; });
      shown.forEach(function (r, i) { body.appendChild(r); r.hidden = i < start || i >= end; });
      info.textContent = shown.length + " of " + rows.length + " rows" +
        (size && shown.length > size ? "; page " + (state.page + 1) + " of " + pages : "");
      prev.disabled = state.page === 0; next.disabled = state.page >= pages - 1;
    }
    search.addEventListener("input", function () {
      state.query = search.value.trim().toLowerCase(); state.page = 0; render();
    });
    prev.addEventListener("click", function () { state.page -= 1; render(); });
    next.addEventListener("click", function () { state.page += 1; render(); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.setAttribute("data-np-sort", "1"); th.tabIndex = 0; th.title = "Sort by this column";
      function sort() {
        state.dir = state.col === col ? -state.dir : 1; state.col = col;
        Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
        render();
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
    });
    render();
  }
  function style() {
    if (document.getElementById("np-table-style") || !window.NP_TABLE_CSS) { return; }
    var s = document.createElement("style");
    s.id = "np-table-style"; s.textContent = window.NP_TABLE_CSS;
    document.head.appendChild(s);
  }
  function init(scope) {
    style();
    Array.prototype.forEach.call(scope.querySelectorAll(
      ".np-table-wrap[data-np-interactive]:not([data-np-ready])"), setup);
  }
  if (!window.npTablesClamp) {
    window.npTablesClamp = true;
    document.addEventListener("click", function (e) {
      var clamp = e.target.closest && e.target.closest(".np-clamp");
      if (clamp) { clamp.classList.toggle("np-open"); }
    });
  }
  var me = document.currentScript, wrap = me && me.closest(".np-table-wrap");
  init(wrap && wrap.parentNode ? wrap.parentNode : document);
})();
