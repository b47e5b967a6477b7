#!/usr/bin/env node
// The package bin: runs the compiled CLI (built by `npm install` through the `prepare` script, or `npm run build`).
import { main } from '../dist/src/cli.js';

process.exitCode = await main(process.argv.slice(2));
