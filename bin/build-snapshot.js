#!/usr/bin/env node
// The second half of `npm run build`: the bundled data/ parsed, validated and written to dist/kb-snapshot.json, so
// that a start with unchanged data reads one JSON file (src/kb/build-snapshot.ts), then the build stamp. Fails the
// build on a data error.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSnapshot } from '../dist/src/kb/build-snapshot.js';
import { formatProblem, sortProblems } from '../dist/src/kb/problems.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const result = await buildSnapshot(path.join(root, 'data'));
for (const problem of sortProblems(result.problems)) process.stderr.write(`${formatProblem(problem, root)}\n`);
if (result.file) {
  process.stderr.write(
    `knowledge-base snapshot: ${result.incidents} incident(s) → ${path.relative(root, result.file)}\n`,
  );
  // the build is complete: bin/sources.js compares source times against this file
  writeFileSync(path.join(root, 'dist', '.build-stamp'), `${new Date().toISOString()}\n`);
} else {
  process.stderr.write('knowledge-base snapshot not written: data/ has errors (see above; `breachbot validate`)\n');
  process.exitCode = 1;
}
