// Layer boundaries (ARCHITECTURE.md, "Layers and who may import whom"), read from the source with the TypeScript
// parser so comments and strings never count: the core stays pure (no I/O, no process.env, no clock, no chat SDK,
// no kb/store/adapters); only adapters/teams imports botbuilder; adapters never import each other.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Every .ts file under a folder of the project, as a path relative to the project root. */
function tsFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path.relative(root, full));
    }
  };
  walk(path.join(root, folder));
  return out.sort();
}

interface Finding {
  file: string;
  line: number;
  what: string;
}

/** Module specifiers a file imports (static, dynamic, require, re-exports), with their lines. */
function importsOf(file: string, text: string): Array<{ spec: string; line: number }> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Array<{ spec: string; line: number }> = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) out.push({ spec: node.moduleSpecifier.text, line: lineOf(node) });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) out.push({ spec: e.text, line: lineOf(node) });
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const arg = node.arguments[0];
      if ((isImport || isRequire) && arg && ts.isStringLiteralLike(arg))
        out.push({ spec: arg.text, line: lineOf(node) });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      out.push({ spec: node.argument.literal.text, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const NODE_IO =
  /^(node:.*|fs|fs\/promises|http|https|http2|net|tls|dgram|dns|child_process|cluster|worker_threads|os|path|crypto|readline|stream|zlib|vm|process)$/;

/** What a core file must not do: I/O modules, process.env, the clock, chat SDKs, kb/store/adapters. */
function coreViolations(file: string, text: string): Finding[] {
  const found: Finding[] = [];
  for (const { spec, line } of importsOf(file, text)) {
    if (NODE_IO.test(spec)) found.push({ file, line, what: `imports ${spec} (I/O belongs outside the core)` });
    if (/^@slack\//.test(spec)) found.push({ file, line, what: `imports ${spec} (a Slack SDK)` });
    if (/^botbuilder|^botframework/.test(spec))
      found.push({ file, line, what: `imports ${spec} (a Bot Framework SDK)` });
    if (/(^|\/)\.\.\/(kb|store)(\/|$)/.test(spec)) found.push({ file, line, what: `imports ${spec} (kb/store)` });
    if (/(^|\/)adapters(\/|$)/.test(spec)) found.push({ file, line, what: `imports ${spec} (an adapter)` });
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node) => {
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'process' &&
      node.name.text === 'env'
    ) {
      found.push({ file, line: lineOf(node), what: 'reads process.env (config is read once in src/config.ts)' });
    }
    if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'process') {
      found.push({ file, line: lineOf(node), what: 'reads process[…]' });
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'Date' &&
      node.expression.name.text === 'now'
    ) {
      found.push({ file, line: lineOf(node), what: 'calls Date.now() (time is a parameter)' });
    }
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Date' &&
      (!node.arguments || node.arguments.length === 0)
    ) {
      found.push({ file, line: lineOf(node), what: 'calls new Date() without arguments (time is a parameter)' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Which adapter a project path belongs to, if any. */
const adapterOf = (p: string) => /^adapters\/([^/]+)\//.exec(p.split(path.sep).join('/'))?.[1];

/** Imports of botbuilder outside adapters/teams, and imports from one adapter into another. */
function adapterViolations(file: string, text: string): Finding[] {
  const found: Finding[] = [];
  const rel = file.split(path.sep).join('/');
  const own = adapterOf(rel);
  for (const { spec, line } of importsOf(file, text)) {
    if (/^botbuilder/.test(spec) && own !== 'teams') {
      found.push({ file, line, what: `imports ${spec} outside adapters/teams` });
    }
    if (own && spec.startsWith('.')) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
      const other = adapterOf(target);
      if (other && other !== own)
        found.push({ file, line, what: `adapters/${own} imports adapters/${other} (${spec})` });
    }
  }
  return found;
}

const show = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}: ${f.what}`);

describe('boundaries', () => {
  const coreFiles = tsFiles('src/core');
  it('finds the core files', () => {
    expect(coreFiles.length).toBeGreaterThan(10);
  });
  it('src/core does no I/O, reads no clock or env, imports no SDK, kb, store or adapter', () => {
    const findings = coreFiles.flatMap((f) => coreViolations(f, readFileSync(path.join(root, f), 'utf8')));
    expect(show(findings)).toEqual([]);
  });
  it('only adapters/teams imports botbuilder, and adapters do not import each other', () => {
    const files = ['src', 'adapters', 'bench'].flatMap(tsFiles);
    const findings = files.flatMap((f) => adapterViolations(f, readFileSync(path.join(root, f), 'utf8')));
    expect(show(findings)).toEqual([]);
  });
});

describe('boundary checks catch planted violations', () => {
  const planted = (text: string) => coreViolations('src/core/planted.ts', text).map((f) => f.what);
  it.each([
    ["import { readFile } from 'node:fs/promises';", 'node:fs/promises'],
    ["import fs from 'fs';", 'imports fs'],
    ["import http from 'http';", 'imports http'],
    ["import net from 'net';", 'imports net'],
    ["import { spawn } from 'child_process';", 'child_process'],
    ["const x = await import('node:http');", 'node:http'],
    ["const { App } = require('@slack/bolt');", '@slack/bolt'],
    ["import { CloudAdapter } from 'botbuilder';", 'botbuilder'],
    ["export { loadKnowledgeBase } from '../kb/load.js';", '../kb/load.js'],
    ["import type { Store } from '../store/store.js';", '../store/store.js'],
    ["import { render } from '../../adapters/slack/render.js';", 'an adapter'],
    ['const port = process.env.PORT;', 'process.env'],
    ['const t = Date.now();', 'Date.now()'],
    ['const t = new Date();', 'new Date() without arguments'],
  ])('flags %s', (code, expected) => {
    expect(planted(code).join(' | ')).toContain(expected);
  });
  it('does not flag comments, strings, dated constructors or type-only words', () => {
    const clean = [
      "// import fs from 'fs'; const t = Date.now(); process.env.X",
      '/** @example respond(kb, command, { now: new Date() }) */',
      "const s = 'new Date() and process.env in a string';",
      "const d = new Date('2023-07-11T00:00:00Z');",
      'const n = new Date(Date.UTC(2023, 6, 11));',
      "import { z } from 'zod';",
      "import type { Answer } from './answer.js';",
    ].join('\n');
    expect(planted(clean)).toEqual([]);
  });
  it('flags botbuilder outside adapters/teams and cross-adapter imports', () => {
    expect(adapterViolations('adapters/slack/x.ts', "import 'botbuilder';")).toHaveLength(1);
    expect(adapterViolations('adapters/teams/x.ts', "import { CloudAdapter } from 'botbuilder';")).toEqual([]);
    expect(adapterViolations('adapters/slack/x.ts', "import { y } from '../teams/render.js';")).toHaveLength(1);
    expect(adapterViolations('adapters/web/x.ts', "import { y } from './render.js';")).toEqual([]);
    expect(adapterViolations('src/server.ts', "import { y } from '../adapters/slack/index.js';")).toEqual([]);
  });
});
