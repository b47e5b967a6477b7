#!/usr/bin/env node
// The package bin: runs the built CLI in dist/ (made by `npm run build`, or by `npm install` through `prepare`).
// Without a build it says how to make one instead of failing on a missing module.
import { isBuilt, isStale } from './sources.js';

const args = process.argv.slice(2);
if (!isBuilt()) {
  process.stderr.write(
    'breachbot: the server is not built (dist/ is missing).\n' +
      '  In a checkout: npm install (or npm ci), then npm run build.\n' +
      '  For production: npm ci && npm run build && npm prune --omit=dev, then start it with node bin/breachbot.js serve.\n',
  );
  process.exitCode = 1;
} else {
  if (args[0] === 'serve' && isStale()) {
    process.stderr.write(
      'breachbot: warning: dist/ is older than the sources; run npm run build to serve your changes.\n',
    );
  }
  const { main } = await import('../dist/src/cli.js');
  process.exitCode = await main(args);
}
