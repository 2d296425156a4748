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
  function apply() {
    var agency = filters.querySelector('[data-filter="agencies"]').value;
    var state = filters.querySelector('[data-filter="state"]').value;
    var shown = 0;
    tables.forEach(function (table) {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var match = (!agency || row.getAttribute("data-agencies").split(" ").indexOf(agency) >= 0) &&
          (!state || row.getAttribute("data-state") === state);
        row.hidden = !match;
        if (match) shown += 1;
      });
    });
    // A list in pages filters only the page shown: the count says so ("trên trang 1/4").
    var scope = filters.getAttribute("data-scope");
    count.textContent = "Đang hiển thị " + shown + " nhiệm vụ" + (scope ? " " + scope : "") + ".";
    chart(agency || state);
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
})();
