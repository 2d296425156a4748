// Progress tables: sort by a column and filter by agency and state. The tables are complete
// without this script; it only adds the controls.
(function () {
  "use strict";
  var tables = document.querySelectorAll("table[data-sortable]");
  if (!tables.length) return;
  var status = document.querySelector("[data-sort-status]");
  var filters = document.querySelector(".table-filters");

  function value(row, index) {
    var cell = row.children[index];
    return cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
  }

  function sortBy(table, index, button) {
    var header = button.parentNode;
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[aria-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = header.getAttribute("data-sort") === "number";
    rows.sort(function (a, b) {
      var x = value(a, index), y = value(b, index);
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "vi", { numeric: true });
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    if (status) {
      status.textContent = "Đã sắp xếp bảng «" + table.caption.textContent + "» theo cột " +
        button.textContent + ", " + (ascending ? "tăng dần" : "giảm dần") + ".";
    }
  }

  tables.forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, index) {
      if (!th.hasAttribute("data-sort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, button); });
    });
    table.setAttribute("data-sort-ready", "");  // style.css shows the buttons above phone cards
  });

  if (!filters) return;
  filters.hidden = false;
  var selects = filters.querySelectorAll("select[data-filter]");
  var count = filters.querySelector(".table-filters__count");
  var agencySelect = filters.querySelector('[data-filter="agencies"]');
  var stateSelect = filters.querySelector('[data-filter="state"]');
  // The filters are kept in the address (?co-quan=<id>&trang-thai=<state>): a filtered list can
  // be shared and comes back on reload. Each table's caption says what it shows.
  var PARAMS = [["co-quan", agencySelect], ["trang-thai", stateSelect]];
  var captions = new Map();
  tables.forEach(function (table) { captions.set(table, table.caption.textContent); });
  function apply() {
    var agency = agencySelect.value, state = stateSelect.value, shown = 0;
    // A list in pages filters only the page shown: the count says so ("trên trang 1/4").
    var scope = filters.getAttribute("data-scope");
    scope = scope ? " " + scope : "";
    tables.forEach(function (table) {
      var here = 0, rows = table.tBodies[0].rows;
      Array.prototype.forEach.call(rows, function (row) {
        var match = (!agency || row.getAttribute("data-agencies").split(" ").indexOf(agency) >= 0) &&
          (!state || row.getAttribute("data-state") === state);
        row.hidden = !match;
        if (match) here += 1;
      });
      shown += here;
      table.caption.textContent = agency || state ? table.caption.getAttribute("data-name") + ": " +
        here + " trong " + rows.length + " nhiệm vụ" + scope + ", theo bộ lọc" : captions.get(table);
    });
    count.textContent = "Đang hiển thị " + shown + " nhiệm vụ" + scope + ".";
    chart(agency || state);
    var url = new URL(location.href);
    PARAMS.forEach(function (pair) {
      if (pair[1].value) url.searchParams.set(pair[0], pair[1].value);
      else url.searchParams.delete(pair[0]);
    });
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }
  // From the address: a value no option has (a typo) is dropped, from the list and the address.
  function restore() {
    var params = new URLSearchParams(location.search), given = false;
    PARAMS.forEach(function (pair) {
      var wanted = params.get(pair[0]) || "";
      pair[1].value = wanted;
      if (pair[1].value !== wanted) pair[1].value = "";
      if (wanted) given = true;
    });
    if (given) apply();
  }
  // The counts by state above the list follow the filter: each state's count and bar are
  // those of the rows shown, and the chart's caption says it is filtered.
  var figure = document.querySelector("figure.chart");
  var caption = figure && figure.querySelector("figcaption");
  var whole = caption && caption.textContent;
  function chart(filtered) {
    if (!figure) return;
    var counts = {}, total = 0;
    tables.forEach(function (table) {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        if (row.hidden) return;
        var slug = row.getAttribute("data-state");
        counts[slug] = (counts[slug] || 0) + 1;
        total += 1;
      });
    });
    figure.querySelectorAll("tbody tr[data-chart-state]").forEach(function (row) {
      var n = counts[row.getAttribute("data-chart-state")] || 0;
      row.querySelector(".num").textContent = n;
      var cell = row.querySelector(".chart__cell"), bar = cell.querySelector(".chart__bar");
      if (!bar && n) {
        bar = document.createElement("span");
        bar.className = "chart__bar state--" + row.getAttribute("data-chart-state");
        cell.appendChild(bar);
      }
      if (bar) {
        bar.hidden = !n;
        bar.style.width = (total ? 100 * n / total : 0) + "%";
      }
    });
    caption.textContent = filtered
      ? "Số nhiệm vụ theo trạng thái, theo bộ lọc (" + total + " nhiệm vụ)" : whole;
  }
  selects.forEach(function (select) { select.addEventListener("change", apply); });
  restore();
})();
