// The core holds no vocabulary of its own (ARCHITECTURE.md; issue "answers that generalize"): no incident,
// organization, product, person, agency or actor name in src/core's code — string, template and regex literals and
// identifiers, comments aside — and no question from the evaluation sets anywhere in src/ or adapters/. Names come
// from every loaded incident (the bundled data, and the breaches.cloud write-ups when ../shared is present) and from
// a list of well-known vendors and agencies kept here. Each check is proven able to fail by a planted file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Incident } from '../src/core/model.js';
import { loadKnowledgeBase } from '../src/kb/load.js';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, '../shared/corpus/breaches.cloud');
const evalDir = path.resolve(root, '../shared/eval');

/** Well-known vendors, products, agencies, groups and incidents: names the core must never carry in its code. */
const WELL_KNOWN = readFileSync(path.join(import.meta.dirname, 'fixtures/well-known-names.txt'), 'utf8')
  .split('\n')
  .map((l) => l.replace(/#.*/, '').trim().toLowerCase())
  .filter((l) => l !== '');

function filesUnder(folder: string, ext: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (ext.test(entry.name)) out.push(full);
    }
  };
  walk(path.join(root, folder));
  return out.sort();
}

/** Texts a reader of the code sees besides comments: literals (string, template, regex) and identifiers. */
function codeTexts(file: string, text: string): Array<{ text: string; line: number; identifier: boolean }> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Array<{ text: string; line: number; identifier: boolean }> = [];
  const visit = (node: ts.Node) => {
    const line = () => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    if (ts.isStringLiteralLike(node) || ts.isRegularExpressionLiteral(node) || ts.isTemplateLiteralToken(node))
      out.push({ text: node.text, line: line(), identifier: false });
    else if (ts.isIdentifier(node)) out.push({ text: node.text, line: line(), identifier: true });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** A name's word as it would stand in code: whole words in literals, run together in identifiers. */
function findNames(
  texts: ReadonlyArray<{ text: string; line: number; identifier: boolean }>,
  names: readonly string[],
): Array<{ name: string; line: number; text: string }> {
  const found: Array<{ name: string; line: number; text: string }> = [];
  const patterns = names.map((name) => ({
    name,
    parts: name.split(/[^a-z0-9]+/).filter(Boolean),
    words: new RegExp(
      `(^|[^a-z0-9])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s_-]+')}($|[^a-z0-9])`,
    ),
    compact: name.replace(/[^a-z0-9]/g, ''),
  }));
  for (const t of texts) {
    const lower = t.text.toLowerCase();
    for (const p of patterns) {
      const hit = t.identifier ? inIdentifier(t.text, p.compact) : p.words.test(lower);
      if (hit) found.push({ name: p.name, line: t.line, text: t.text.slice(0, 80) });
    }
  }
  return found;
}

/** True when consecutive words of a camelCase or snake_case identifier spell the name ("mailItemsAccessedCount"). */
function inIdentifier(identifier: string, compact: string): boolean {
  if (compact.length < 4) return false;
  const parts = identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    let joined = '';
    for (let j = i; j < parts.length && joined.length < compact.length; j++) {
      joined += parts[j];
      if (joined === compact) return true;
    }
  }
  return false;
}

/**
 * The names of an incident: its id and aliases, its actor's names, its named victims, and its glossary terms that
 * are names rather than common words (written with a capital, or with digits, and never in lower case anywhere in
 * the knowledge base's text).
 */
function incidentNames(incident: Incident, text: string): string[] {
  const isName = (term: string) => {
    if (term === term.toLowerCase() && !/\d/.test(term)) return false;
    return !new RegExp(`(^|[^A-Za-z])${term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z]|$)`).test(
      text,
    );
  };
  const names = [incident.id, ...incident.aliases.filter(isName)];
  if (incident.attribution) names.push(...[incident.attribution.actor, ...incident.attribution.aliases].filter(isName));
  for (const v of incident.victims) if (v.kind !== 'figure') names.push(v.name, ...v.aliases.filter(isName));
  for (const g of incident.glossary) names.push(...[g.term, ...g.aliases].filter(isName));
  return names.map((n) => n.toLowerCase().trim()).filter((n) => n.replace(/[^a-z0-9]/g, '').length >= 3);
}

/** The human-written text of the incidents: every string but ids, source lists, links and tags. */
function proseOf(value: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (['id', 'sources', 'corrects', 'supersededBy', 'url', 'tags', 'origin'].includes(key)) return;
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(value, '');
  return out.join('\n');
}

let names: string[] = [];

beforeAll(async () => {
  const dirs = [path.join(root, 'data/incidents'), ...(existsSync(corpus) ? [corpus] : [])];
  const loaded = await loadKnowledgeBase({ dir: dirs, snapshot: false });
  const text = proseOf(loaded.data.incidents);
  names = [...new Set([...loaded.data.incidents.flatMap((i) => incidentNames(i, text)), ...WELL_KNOWN])];
}, 120_000);

describe('the core holds no vocabulary', () => {
  it('reads names from the incidents and the well-known list', () => {
    expect(names.length).toBeGreaterThan(50);
    expect(names).toContain('storm-0558');
  });

  it('no incident, vendor, agency, product, person or actor name in src/core code', () => {
    const findings = filesUnder('src/core', /\.ts$/).flatMap((file) =>
      findNames(codeTexts(file, readFileSync(file, 'utf8')), names).map(
        (f) => `${path.relative(root, file)}:${f.line}: "${f.name}" in ${JSON.stringify(f.text)}`,
      ),
    );
    expect(findings).toEqual([]);
  });

  it('catches a planted name in a literal, a regex and an identifier, and ignores it in a comment', () => {
    const planted = [
      '// a comment may say microsoft',
      "const a = 'the storm-0558 incident';",
      'const b = /\\b(msft|microsoft)\\b/;',
      'const mailItemsAccessedCount = 1;',
    ].join('\n');
    const lines = new Set(findNames(codeTexts('planted.ts', planted), names).map((f) => f.line));
    expect([...lines].sort()).toEqual([2, 3, 4]);
  });
});

describe('no evaluation question in the engine', () => {
  /** Every question of the golden sets, the blind sets that joined development and ../shared/eval, longer than a few words. */
  const questions = (): string[] => {
    const files = [
      ...filesUnder('test/golden', /\.ya?ml$/),
      ...filesUnder('test/eval', /\.ya?ml$/),
      ...(existsSync(evalDir) ? readdirSync(evalDir).map((f) => path.join(evalDir, f)) : []),
    ];
    return files.flatMap((file) => {
      const data = parse(readFileSync(file, 'utf8')) as Array<{ q?: unknown }> | null;
      return (data ?? [])
        .map((c) => (typeof c?.q === 'string' ? c.q.toLowerCase().trim() : ''))
        .filter((q) => q.length > 18);
    });
  };

  it('no question text appears in src/ or adapters/, comments included', () => {
    const qs = questions();
    expect(qs.length).toBeGreaterThan(100);
    const sources = [...filesUnder('src', /\.(ts|js)$/), ...filesUnder('adapters', /\.(ts|js|html)$/)].map((f) => ({
      file: path.relative(root, f),
      text: readFileSync(f, 'utf8').toLowerCase(),
    }));
    const leaks = qs.flatMap((q) => sources.filter((s) => s.text.includes(q)).map((s) => `${s.file}: "${q}"`));
    expect(leaks).toEqual([]);
  });
});
