// The «Báo cáo tiến độ» form of a task page (macros/templates/_report_form.html). Loaded by
// docs/assets/site.js when the reader first opens the form, so no other page and no first load
// pays for it. The entry is checked against the JSON Schema the build exports from the pydantic
// models (macros/files/schemas.py), then against what a schema cannot say, which the page gives
// from where the validator keeps it (macros/views/report_form.py): the rules between a report's
// days (no report dated after today in Vietnam, no completion after the report's date) and the
// template's blanks left unfilled. No rule of a report is written here. Each error is shown under
// its field in Vietnamese: a message per JSON Schema keyword, with the field's own description
// from the schema where it helps the person typing (not under a list to choose from). A valid entry becomes the YAML of a report file, in the template's field order
// (macros/load/reports.py TEMPLATE), and a link to GitHub's new-file page with it filled in.
import { Validator } from "./vendor/cfworker-json-schema/index.js";

// What each keyword of the schema means for the person filling in the form. `rule` is the
// schema node that holds the keyword; the numbers come from it, not from here.
var MESSAGES = {
  required: function () { return "Chưa điền ô này."; },
  minLength: function () { return "Chưa điền ô này."; },
  maxLength: function (rule) { return "Dài quá " + rule.maxLength + " ký tự."; },
  minimum: function (rule) { return "Không được nhỏ hơn " + rule.minimum + "."; },
  maximum: function (rule) { return "Không được lớn hơn " + rule.maximum + "."; },
  type: function (rule) {
    return rule.type === "integer" ? "Phải là một số nguyên." :
      rule.type === "number" ? "Phải là một số." : "Giá trị không đúng kiểu.";
  },
  pattern: function () { return "Viết chưa đúng dạng."; },
  format: function (rule) { return rule.format === "date" ? "Ngày không hợp lệ." : "Viết chưa đúng dạng."; },
  enum: function () { return "Chọn một giá trị trong danh sách."; },
  const: function () { return "Chọn một giá trị trong danh sách."; },
  not: function () { return "Không điền ô này trong trường hợp này."; },
  additionalProperties: function () { return "Mẫu báo cáo không có ô này."; },
};
// Keywords that only say that something inside them failed: the inner error is the one shown.
var WRAPPERS = ["anyOf", "allOf", "oneOf", "properties", "items", "prefixItems", "$ref", "if",
  "then", "else", "dependentSchemas", "unevaluatedProperties"];
// The characters PyYAML does not read raw; written as \uXXXX escapes inside double quotes.
var UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
// A value written without quotes: begins with a letter and holds no character YAML reads as syntax.
var PLAIN = /^\p{L}[\p{L}\p{M}\p{N} ,.;()\/%-]*$/u;
// Words YAML 1.1 (PyYAML) reads as true, false or null when unquoted.
var YAML_WORDS = /^(y|n|yes|no|on|off|true|false|null)$/i;

// A day NĂM-THÁNG-NGÀY as Vietnamese documents write it: "01/3/2019", "25/01/2019" (a leading
// zero for months 1 and 2 only, macros/model/dates.py).
function shortDate(day) {
  var parts = day.split("-");
  var month = Number(parts[1]);
  return parts[2] + "/" + (month < 3 ? parts[1] : String(month)) + "/" + parts[0];
}

// Today's date, NĂM-THÁNG-NGÀY, in the given time zone (Vietnam's: the validator's "today").
function today(zone) {
  var parts = {};
  new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
  return parts.year + "-" + parts.month + "-" + parts.day;
}

function decode(part) { return part.replace(/~1/g, "/").replace(/~0/g, "~"); }

function split(location) {
  return location.replace(/^#\/?/, "").split("/").filter(Boolean).map(decode);
}

export async function start(details) {
  var form = details.querySelector("form");
  var status = form.querySelector("[data-status]");
  var result = form.querySelector("[data-result]");
  var list = form.querySelector("[data-evidence-list]");
  var template = form.querySelector("template[data-evidence-template]");
  var order = details.getAttribute("data-order").split(" ");
  var evidenceOrder = details.getAttribute("data-evidence-order").split(" ");
  var dateRules = JSON.parse(details.getAttribute("data-date-rules"));
  var placeholder = new RegExp(details.getAttribute("data-placeholder"));
  var zone = details.getAttribute("data-time-zone");
  var noDeadline = details.getAttribute("data-no-deadline");
  var schema, validator;
  var serial = 0;

  try {
    var response = await fetch(details.getAttribute("data-schema"));
    if (!response.ok) throw new Error(String(response.status));
    schema = await response.json();
    validator = new Validator(schema, "2020-12", false);
  } catch (error) {
    status.textContent = "Không tải được mẫu dữ liệu để kiểm tra báo cáo. Tải lại trang, hoặc " +
      "dùng mẫu báo cáo trống theo hướng dẫn.";
    form.querySelector("button[type=submit]").disabled = true;
    return;
  }

  function deref(node) {
    while (node && typeof node.$ref === "string" && node.$ref.charAt(0) === "#") {
      var target = schema;
      split(node.$ref).forEach(function (part) { target = target[part]; });
      node = target;
    }
    return node;
  }

  // The schema node at a keyword location such as "#/properties/evidence/items/$ref/properties".
  function at(location) {
    var node = schema;
    split(location).forEach(function (part) {
      node = part === "$ref" ? deref(node) : (node || {})[part];
    });
    return node || {};
  }

  // The schema of the field at an instance path ("evidence/0/url"): its title and description.
  function fieldSchema(path) {
    var node = schema;
    split(path).forEach(function (part) {
      node = deref(node) || {};
      node = /^\d+$/.test(part) ? node.items : (node.properties || {})[part];
    });
    return node || {};
  }

  function valueAt(instance, location) {
    split(location).forEach(function (part) { instance = instance == null ? undefined : instance[part]; });
    return instance;
  }

  function addEvidence() {
    var index = list.children.length;
    var item = template.content.firstElementChild.cloneNode(true);
    serial += 1;
    item.querySelectorAll("[data-sub]").forEach(function (input) {
      var sub = input.getAttribute("data-sub");
      var id = "bao-cao-van-ban-" + serial + "-" + sub;
      input.id = id;
      item.querySelector('label[data-for="' + sub + '"]').setAttribute("for", id);
      var hint = item.querySelector('[data-hint="' + sub + '"]');
      if (hint) hint.id = id + "-goi-y";
      item.querySelector('[data-error="' + sub + '"]').id = id + "-loi";
    });
    item.querySelector("[data-remove-evidence]").addEventListener("click", function () {
      item.remove();
      renumber();
      changed();
    });
    list.appendChild(item);
    renumber();
    describe(item);
    item.querySelector("[data-sub]").focus();
    changed();
    return index;
  }

  function renumber() {
    Array.prototype.forEach.call(list.children, function (item, index) {
      item.querySelector("[data-evidence-legend]").textContent = "Văn bản thứ " + (index + 1);
      item.querySelectorAll("[data-sub]").forEach(function (input) {
        input.setAttribute("data-path", "evidence/" + index + "/" + input.getAttribute("data-sub"));
      });
    });
  }

  // Each field is described by its hint and, when there is one, by its error.
  function describe(scope) {
    scope.querySelectorAll("[data-path], [data-sub]").forEach(function (input) {
      var ids = [input.id + "-goi-y", input.id + "-loi"].filter(function (id) {
        var element = document.getElementById(id);
        return element && !element.hidden;
      });
      if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
      else input.removeAttribute("aria-describedby");
    });
  }

  function text(input) { return input.value.normalize("NFC").trim(); }

  // The entry as the data a report file holds: empty fields left out, the percent a number
  // when it is written as one (anything else is given as typed, for the schema to refuse).
  function entry() {
    var data = {};
    form.querySelectorAll("[data-path]").forEach(function (input) {
      var path = input.getAttribute("data-path");
      if (path === "date" || path.indexOf("evidence/") === 0) return;
      var value = text(input);
      if (!value) return;
      data[path] = path === "percent" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    });
    var evidence = [];
    Array.prototype.forEach.call(list.children, function (item) {
      var document_ = {};
      item.querySelectorAll("[data-sub]").forEach(function (input) {
        var value = text(input);
        if (value) document_[input.getAttribute("data-sub")] = value;
      });
      evidence.push(document_);
    });
    if (evidence.length) data.evidence = evidence;
    return data;
  }

  // path ("percent", "evidence/0/url") -> Vietnamese message, one per field, the first found.
  function problems(data) {
    var found = {};
    validator.validate(data).errors.forEach(function (error) {
      if (WRAPPERS.indexOf(error.keyword) >= 0) return;
      var keywordLocation = error.keywordLocation;
      var rule = at(keywordLocation.slice(0, keywordLocation.lastIndexOf("/")));
      // An optional field's other branch ("or nothing"): not what the person meant to write.
      if (error.keyword === "type" && rule.type === "null") return;
      var base = split(error.instanceLocation).join("/");
      var paths = [base];
      if (error.keyword === "required") {
        var here = valueAt(data, error.instanceLocation) || {};
        paths = rule.required.filter(function (name) { return !(name in here); });
      } else if (error.keyword === "not" && rule.not && rule.not.required) {
        var present = valueAt(data, error.instanceLocation) || {};
        paths = rule.not.required.filter(function (name) { return name in present; });
      }
      if (error.keyword === "required" || error.keyword === "not") {
        paths = paths.map(function (name) { return base ? base + "/" + name : name; });
      }
      paths.forEach(function (path) {
        if (found[path]) return;
        var field = fieldSchema(path);
        var input = form.querySelector('[data-path="' + path + '"]');
        // A list to choose from: what is missing is a choice. Its description is for people who
        // write the file by hand (the codes of data/agencies.yaml), not for this form.
        if (input && input.tagName === "SELECT") {
          found[path] = "Chưa chọn " + lowerFirst(field.title || "mục này") + ".";
          return;
        }
        // A rule between fields says in its own description what to do.
        if (error.keyword === "not" && rule.description) {
          found[path] = rule.description;
          return;
        }
        var say = MESSAGES[error.keyword];
        var message = say ? say(rule) : "Giá trị không hợp lệ.";
        found[path] = field.description ? message + " " + field.description : message;
      });
    });
    return found;
  }

  function lowerFirst(text) { return text.charAt(0).toLowerCase() + text.slice(1); }

  // A text left as one of the template's blanks («<những việc đã làm>»): the validator refuses it.
  function blanks(found) {
    form.querySelectorAll("[data-path]").forEach(function (input) {
      var path = input.getAttribute("data-path");
      if (!found[path] && input.tagName !== "SELECT" && placeholder.test(text(input))) {
        found[path] = "Ô này vẫn là chỗ trống của mẫu (" + text(input) + "). Thay cả cụm trong " +
          "dấu < > bằng thông tin thật.";
      }
    });
  }

  // The rules between the report's days: a field's day not later than the report's date, or
  // than today in Vietnam.
  function daysInOrder(found, data, day) {
    var days = { date: day, today: today(zone) };
    dateRules.forEach(function (rule) {
      var value = rule.field === "date" ? day : data[rule.field];
      var limit = days[rule.limit];
      if (found[rule.field] || !value || !limit || value <= limit) return;
      found[rule.field] = rule.message.replace("{day}", shortDate(value))
        .replace("{limit}", shortDate(limit));
    });
  }

  // A date field's value (the schema's "format": "date") is written as YAML reads a date.
  function isDate(path) {
    return JSON.stringify(fieldSchema(path)).indexOf('"format":"date"') >= 0;
  }

  function scalar(value, path) {
    if (typeof value === "number") return String(value);
    if (isDate(path) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    if (PLAIN.test(value) && !YAML_WORDS.test(value) && !/\s\s/.test(value)) return value;
    return JSON.stringify(value).replace(UNPRINTABLE, function (c) {
      return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
    });
  }

  // The report file, in the template's order: the schema line, then each field given.
  function yaml(data) {
    var lines = [details.getAttribute("data-header")];
    order.forEach(function (name) {
      if (!(name in data)) return;
      if (name !== "evidence") { lines.push(name + ": " + scalar(data[name], name)); return; }
      lines.push("evidence:");
      data.evidence.forEach(function (document_, index) {
        var first = true;
        evidenceOrder.forEach(function (sub) {
          if (!(sub in document_)) return;
          lines.push((first ? "  - " : "    ") + sub + ": " +
            scalar(document_[sub], "evidence/" + index + "/" + sub));
          first = false;
        });
      });
    });
    return lines.join("\n") + "\n";
  }

  function show(path, message) {
    var input = form.querySelector('[data-path="' + path + '"]');
    if (!input) return false;
    var error = document.getElementById(input.id + "-loi");
    error.textContent = message;
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    return true;
  }

  function clear() {
    form.querySelectorAll("[aria-invalid]").forEach(function (input) { input.removeAttribute("aria-invalid"); });
    form.querySelectorAll(".report-form__error").forEach(function (error) {
      error.hidden = true;
      error.textContent = "";
    });
    status.textContent = "";
  }

  function changed() {
    // A link made before a change would carry the old entry: it goes until the next check.
    result.hidden = true;
    var link = result.querySelector("[data-result-link]");
    if (link) { link.removeAttribute("href"); link.removeAttribute("rel"); }
  }

  function check(event) {
    event.preventDefault();
    clear();
    changed();
    var data = entry();
    var found = problems(data);
    var day = form.querySelector('[data-path="date"]').value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) found.date = "Chưa điền ngày báo cáo.";
    blanks(found);
    daysInOrder(found, data, found.date ? "" : day);
    // A task whose words in the plan set no deadline has none to revise.
    if (noDeadline && data.revised_due && !found.revised_due) found.revised_due = noDeadline;
    var unplaced = [];
    Object.keys(found).forEach(function (path) {
      if (!show(path, found[path])) unplaced.push(found[path]);
    });
    describe(form);
    var count = Object.keys(found).length;
    if (count) {
      status.textContent = "Báo cáo còn " + count + " lỗi: xem dòng chữ đỏ dưới ô sai." +
        (unplaced.length ? " " + unplaced.join(" ") : "");
      var first = form.querySelector("[aria-invalid]");
      if (first) first.focus();
      return;
    }
    var filename = details.getAttribute("data-folder") + "/" + day + ".yaml";
    var value = yaml(data);
    result.querySelector("[data-result-filename]").textContent = filename;
    result.querySelector("[data-result-yaml]").textContent = value;
    var page = details.getAttribute("data-new-file");
    var link = result.querySelector("[data-result-link]");
    if (page && link) {
      link.href = page + "?filename=" + encodeURIComponent(filename) + "&value=" +
        encodeURIComponent(value);
      link.rel = "nofollow";
    }
    result.hidden = false;
    status.textContent = "Báo cáo hợp lệ.";
  }

  form.querySelector("[data-add-evidence]").addEventListener("click", addEvidence);
  form.addEventListener("submit", check);
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  describe(form);
  var day = form.querySelector('[data-path="date"]');
  if (!day.value) day.value = today(zone);
  form.setAttribute("data-ready", "");
}
