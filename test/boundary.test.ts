// Layer rules (ARCHITECTURE.md, "Layers and who may import whom"), enforced: every layer's allowlist on resolved
// import paths (dependency-cruiser, .dependency-cruiser.cjs) and the pure layers' ban on process, fetch, clocks and
// randomness (an AST check, test/layers.ts). The self-test plants one violation of each rule in a temporary copy of
// src/ and adapters/ — never in src/ — and checks that each is reported with its rule, file and line.
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImports, checkPurity, formatViolations, type Violation } from './layers.js';

const root = path.resolve(import.meta.dirname, '..');

describe('the layer rules hold', () => {
  it('every import in src/ and adapters/ is one its layer allows', async () => {
    expect(formatViolations(await checkImports(root))).toBe('');
  }, 180_000);

  it('src/core and src/hunt use no process, fetch, clock or randomness', () => {
    expect(formatViolations(checkPurity(root))).toBe('');
  });
});

/** One planted violation: a line written into `file` of the copy, and the rules that must report it there. */
interface Plant {
  file: string;
  code: string;
  rules: string[];
}

const IMPORT_PLANTS: Plant[] = [
  {
    file: 'src/core/planted-config.ts',
    code: "import { loadConfig } from '../config.js';",
    rules: ['core-imports-only-core'],
  },
  {
    file: 'src/core/planted-logger.ts',
    code: "import { createLogger } from '../logger.js';",
    rules: ['core-imports-only-core'],
  },
  { file: 'src/core/planted-pg.ts', code: "import pg from 'pg';", rules: ['core-imports-only-core'] },
  {
    file: 'src/core/planted-sqlite.ts',
    code: "import Database from 'better-sqlite3';",
    rules: ['core-imports-only-core'],
  },
  {
    file: 'src/core/search/planted-kb.ts',
    code: "import { loadKnowledgeBase } from '../../core/../kb/load.js';",
    rules: ['core-imports-only-core'],
  },
  {
    file: 'src/core/planted-scheduler.ts',
    code: "import * as scheduler from '../digest/scheduler.js';",
    rules: ['core-imports-only-core'],
  },
  {
    file: 'src/core/planted-fs.ts',
    code: "import { readFileSync } from 'node:fs';",
    rules: ['core-imports-only-core'],
  },
  {
    file: 'src/hunt/planted-fs.ts',
    code: "import { readFile } from 'node:fs/promises';",
    rules: ['hunt-imports-only-hunt-core-and-pure-libraries'],
  },
  {
    file: 'src/kb/planted-adapter.ts',
    code: "import { answerToBlockKit } from '../../adapters/slack/render.js';",
    rules: ['kb-imports-only-core-and-parsers', 'only-composition-imports-adapters'],
  },
  {
    file: 'src/kb/planted-store.ts',
    code: "import { createStore } from '../store/index.js';",
    rules: ['kb-imports-only-core-and-parsers'],
  },
  {
    file: 'src/store/planted-adapter.ts',
    code: "import { createWebAdapter } from '../../adapters/web/index.js';",
    rules: ['store-imports-only-store-and-drivers', 'only-composition-imports-adapters'],
  },
  {
    file: 'src/store/planted-core.ts',
    code: "import { respond } from '../core/respond.js';",
    rules: ['store-uses-core-and-config-types-only'],
  },
  {
    file: 'src/digest/planted-bolt.ts',
    code: "import { App } from '@slack/bolt';",
    rules: ['digest-imports-no-sdk-or-adapter', 'slack-sdk-only-in-adapters-slack'],
  },
  {
    file: 'src/chat/planted-teams.ts',
    code: "import { createTeamsAdapter } from '../../adapters/teams/index.js';",
    rules: ['chat-imports-no-sdk-or-adapter', 'only-composition-imports-adapters'],
  },
  {
    file: 'src/chat/planted-connector.ts',
    code: "import { ConnectorClient } from 'botframework-connector';",
    rules: ['chat-imports-no-sdk-or-adapter', 'bot-framework-sdk-only-in-adapters-teams'],
  },
  {
    file: 'src/http/planted-core.ts',
    code: "import { respond } from '../core/respond.js';",
    rules: ['http-imports-only-http-and-core-types'],
  },
  { file: 'src/logger.ts', code: "import { loadConfig } from './config.js';", rules: ['logger-imports-only-pino'] },
  {
    file: 'adapters/slack/planted-teams.ts',
    code: "import { answerToAdaptiveCard } from '../teams/render.js';",
    rules: ['adapter-slack-imports-no-other-adapter'],
  },
  {
    file: 'adapters/teams/planted-web.ts',
    code: "import { createWebAdapter } from '../web/index.js';",
    rules: ['adapter-teams-imports-no-other-adapter'],
  },
  {
    file: 'adapters/web/planted-slack.ts',
    code: "import { answerToBlockKit } from '../slack/render.js';",
    rules: ['adapter-web-imports-no-other-adapter'],
  },
  {
    file: 'adapters/slack/planted-botbuilder.ts',
    code: "import { CloudAdapter } from 'botbuilder';",
    rules: ['bot-framework-sdk-only-in-adapters-teams'],
  },
  {
    file: 'src/planted-root.ts',
    code: "import { loadConfig } from './config.js';",
    rules: ['src-file-outside-the-layer-table'],
  },
];

const PURITY_PLANTS: Plant[] = [
  { file: 'src/core/planted-impure.ts', code: "process.stdout.write('x');", rules: ['core-uses-no-process'] },
  {
    file: 'src/core/planted-impure.ts',
    code: 'export const port = process.env.PORT;',
    rules: ['core-uses-no-process'],
  },
  {
    file: 'src/core/planted-impure.ts',
    code: "export const page = fetch('http://127.0.0.1/');",
    rules: ['core-does-no-io'],
  },
  { file: 'src/core/planted-impure.ts', code: 'export const stamp = Date.now();', rules: ['core-reads-no-clock'] },
  { file: 'src/core/planted-impure.ts', code: 'export const today = new Date();', rules: ['core-reads-no-clock'] },
  {
    file: 'src/core/planted-impure.ts',
    code: 'export const tick = performance.now();',
    rules: ['core-reads-no-clock'],
  },
  {
    file: 'src/core/planted-impure.ts',
    code: 'export const dice = Math.random();',
    rules: ['core-uses-no-randomness'],
  },
  {
    file: 'src/core/planted-impure.ts',
    code: 'export const id = crypto.randomUUID();',
    rules: ['core-uses-no-randomness'],
  },
  {
    file: 'src/hunt/planted-impure.ts',
    code: 'export const dice = Math.random();',
    rules: ['core-uses-no-randomness'],
  },
];

/** Writes each plant into the copy (new files get a first comment line) and returns the line it landed on. */
function plant(copy: string, plants: readonly Plant[]): Array<Plant & { line: number }> {
  return plants.map((p) => {
    const file = path.join(copy, p.file);
    mkdirSync(path.dirname(file), { recursive: true });
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = '// planted by test/boundary.test.ts\n';
      writeFileSync(file, text);
    }
    appendFileSync(file, `${text.endsWith('\n') ? '' : '\n'}${p.code}\n`);
    return { ...p, line: readFileSync(file, 'utf8').split('\n').indexOf(p.code) + 1 };
  });
}

describe('each layer rule catches a planted violation, with the rule, file and line', () => {
  let copy: string;
  let imports: Array<Plant & { line: number }>;
  let purity: Array<Plant & { line: number }>;
  let found: Violation[];

  beforeAll(async () => {
    copy = mkdtempSync(path.join(os.tmpdir(), 'breachbot-layers-'));
    for (const entry of ['src', 'adapters', 'tsconfig.json', '.dependency-cruiser.cjs']) {
      cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
    }
    symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    imports = plant(copy, IMPORT_PLANTS);
    purity = plant(copy, PURITY_PLANTS);
    found = [...(await checkImports(copy, [...new Set(imports.map((p) => p.file))])), ...checkPurity(copy)];
  }, 180_000);

  afterAll(() => {
    if (process.env.SHOW_PLANTED) process.stderr.write(`${formatViolations(found)}\n`);
    rmSync(copy, { recursive: true, force: true });
  });

  it('plants a violation of every rule of .dependency-cruiser.cjs and of the purity check', () => {
    const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as {
      forbidden: Array<{ name: string }>;
    };
    const planted = new Set(IMPORT_PLANTS.flatMap((p) => p.rules));
    expect(config.forbidden.map((r) => r.name).filter((name) => !planted.has(name))).toEqual([]);
    expect(new Set(PURITY_PLANTS.flatMap((p) => p.rules))).toEqual(
      new Set(['core-uses-no-process', 'core-does-no-io', 'core-reads-no-clock', 'core-uses-no-randomness']),
    );
  });

  it.each(IMPORT_PLANTS.map((p) => [p.file, p.code, p]))('%s: %s', (_file, _code, p) => {
    const at = imports.find((x) => x === p || (x.file === p.file && x.code === p.code));
    const here = found.filter((v) => v.file === p.file && v.line === at?.line);
    expect(at?.line).toBeGreaterThan(0);
    for (const rule of p.rules)
      expect(
        here.map((v) => v.rule),
        formatViolations(found),
      ).toContain(rule);
  });

  it.each(PURITY_PLANTS.map((p) => [p.file, p.code, p]))('%s: %s', (_file, _code, p) => {
    const at = purity.find((x) => x.file === p.file && x.code === p.code);
    const here = found.filter((v) => v.file === p.file && v.line === at?.line);
    expect(at?.line).toBeGreaterThan(0);
    expect(
      here.map((v) => v.rule),
      formatViolations(found),
    ).toEqual(p.rules);
  });

  it('reports nothing about the files that were not planted', () => {
    const plantedFiles = new Set([...IMPORT_PLANTS, ...PURITY_PLANTS].map((p) => p.file));
    expect(formatViolations(found.filter((v) => !plantedFiles.has(v.file)))).toBe('');
  });
});
