// Validate built pages with html-validate (tests/support/html-validate.config.mjs) and print, as
// JSON, {findings: [{file, line, column, rule, message, selector}], theme: [index of each THEME
// entry that matched at least once]}. The theme's own findings are left out of `findings`.
// Usage: node tests/support/html_validate.mjs FILE...
import { HtmlValidate } from "html-validate";
import config, { THEME } from "./html-validate.config.mjs";

const validator = new HtmlValidate(config);
const matched = new Set();
const findings = [];

function theme(message) {
  return THEME.findIndex((entry) => entry.rule === message.ruleId &&
    (entry.selector === undefined || entry.selector === message.selector) &&
    (entry.message === undefined || entry.message === message.message));
}

for (const file of process.argv.slice(2)) {
  const report = await validator.validateFile(file);
  for (const result of report.results) {
    for (const message of result.messages) {
      const index = theme(message);
      if (index >= 0) { matched.add(index); continue; }
      findings.push({ file, line: message.line, column: message.column, rule: message.ruleId,
        message: message.message, selector: message.selector });
    }
  }
}
console.log(JSON.stringify({ findings, theme: [...matched].sort() }));
