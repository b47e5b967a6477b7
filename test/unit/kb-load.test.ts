import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KbProblem } from '../../src/core/model.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/kb');
const valid = path.join(fixtures, 'valid/incidents');
const broken = path.join(fixtures, 'broken/incidents');

/** The 1-based line of the only line of `file` that contains `needle`. */
function lineWith(file: string, needle: string): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const hits = lines.flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`"${needle}" is on ${hits.length} lines of ${file}`);
  return hits[0] as number;
}

function find(problems: KbProblem[], file: string, at: string): KbProblem | undefined {
  return problems.find((p) => p.file === file && p.path === at);
}

describe('loadKnowledgeBase: native files', () => {
  it('loads a valid YAML and a valid JSON incident with the synonyms and no problem', async () => {
    const result = await loadKnowledgeBase({ dir: valid });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.data.incidents.map((i) => i.id)).toEqual(['example-bucket', 'example-keys']);
    expect(result.data.synonyms).toEqual([
      ['bucket', 'storage container'],
      ['leaked', 'exposed', 'public'],
    ]);
    expect(result.data.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('reports every problem of a broken file at once, each at the line of the offending node', async () => {
    const file = path.join(broken, 'broken.yaml');
    const { problems, ok, data } = await loadKnowledgeBase({ dir: broken });
    expect(ok).toBe(false);
    expect(data.incidents.map((i) => i.id)).not.toContain('broken-one');
    const expected: Array<[string, string, RegExp]> = [
      ['title', 'id: broken-one', /missing/],
      ['status.asOf', 'asOf: 2022-13-01', /YYYY/],
      ['timeline[0].date', 'date: 2022-02-30', /real calendar date/],
      ['timeline[1].endDate', 'endDate: 2022-02-01', /before date/],
      ['timeline[1].sources[1]', 'src-missing', /unknown source id "src-missing"/],
      ['timeline[1].supersededBy', 'supersededBy: tl-nowhere', /tl-nowhere/],
      ['victims[0].id', 'id: tl-one ', /duplicate id "tl-one"/],
      ['victims[0].corrects[0]', 'corrects: [tl-ghost]', /tl-ghost/],
      ['indicators[0].value', '[203.0.113.7]', /not a valid IPv4 or IPv6/],
      ['sources[0].url', 'url: not a url', /URL/i],
    ];
    for (const [at, needle, message] of expected) {
      const problem = find(problems, file, at);
      expect(problem, at).toBeDefined();
      expect({ at, line: problem?.line, severity: problem?.severity }).toEqual({
        at,
        line: lineWith(file, needle),
        severity: 'error',
      });
      expect(problem?.message).toMatch(message);
    }
    const typo = find(problems, file, 'sources[0].sorce_note');
    expect(typo).toMatchObject({ severity: 'warning', line: lineWith(file, 'sorce_note') });
  });

  it('reports a JSON file problem at its real line', async () => {
    const file = path.join(broken, 'broken.json');
    const { problems } = await loadKnowledgeBase({ dir: broken });
    expect(find(problems, file, 'timeline[0].date')).toMatchObject({
      line: lineWith(file, '"yesterday"'),
      severity: 'error',
    });
  });

  it('reports a YAML syntax error with its line and loads nothing from that file', async () => {
    const dir = path.join(fixtures, 'syntax/incidents');
    const { problems, ok, data } = await loadKnowledgeBase({ dir });
    expect(ok).toBe(false);
    expect(data.incidents).toEqual([]);
    const file = path.join(dir, 'bad-syntax.yaml');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === file && p.line >= lineWith(file, 'unterminated'))).toBe(true);
  });

  it('reports an incident id used by two files, naming the first one', async () => {
    const file = path.join(broken, 'duplicate.yaml');
    const { problems, data } = await loadKnowledgeBase({ dir: [valid, broken] });
    const problem = find(problems, file, 'id');
    expect(problem).toMatchObject({ line: lineWith(file, 'id: example-keys'), severity: 'error' });
    expect(problem?.message).toContain('example-keys.json');
    expect(data.incidents.filter((i) => i.id === 'example-keys')).toHaveLength(1);
  });

  it('warns when an alias is the id of another incident', async () => {
    const dir = path.join(fixtures, 'alias-clash');
    const file = path.join(dir, 'first.yaml');
    const { problems, ok } = await loadKnowledgeBase({ dir });
    expect(ok).toBe(true);
    expect(problems).toEqual([
      expect.objectContaining({ file, path: 'aliases[1]', line: lineWith(file, '- second-one'), severity: 'warning' }),
    ]);
  });

  it('reports synonyms problems with their line', async () => {
    const file = path.join(fixtures, 'broken/synonyms.yaml');
    const { problems } = await loadKnowledgeBase({ dir: broken });
    expect(find(problems, file, 'groups[0]')).toMatchObject({ line: lineWith(file, '[alone]'), severity: 'error' });
  });

  it('reports an unknown default incident and accepts a known one', async () => {
    const unknown = await loadKnowledgeBase({ dir: valid, defaultIncident: 'nope' });
    expect(unknown.ok).toBe(false);
    expect(unknown.problems[0]?.message).toMatch(/"nope".*example-bucket, example-keys/);
    const known = await loadKnowledgeBase({ dir: valid, defaultIncident: 'example-keys' });
    expect(known.ok).toBe(true);
  });

  it('splits a folder list at the path delimiter', async () => {
    const { data } = await loadKnowledgeBase({ dir: [valid, broken].join(path.delimiter) });
    expect(data.incidents.map((i) => i.id)).toEqual(['example-bucket', 'example-keys']);
  });

  it('reports a file it cannot read as an error and goes on', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-load-'));
    try {
      mkdirSync(path.join(dir, 'a-folder.yaml'));
      copyFileSync(path.join(valid, 'example-keys.json'), path.join(dir, 'example-keys.json'));
      const { problems, data } = await loadKnowledgeBase({ dir });
      expect(problems).toEqual([
        expect.objectContaining({
          file: path.join(dir, 'a-folder.yaml'),
          message: 'a folder, not a regular file: not read; put the file itself here',
        }),
      ]);
      expect(data.incidents.map((i) => i.id)).toEqual(['example-keys']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing folder as an error', async () => {
    const { problems, ok } = await loadKnowledgeBase({ dir: path.join(fixtures, 'no-such-folder') });
    expect(ok).toBe(false);
    expect(problems[0]?.message).toBe('folder not found');
  });

  it('gives the same version for the same content and another for other content', async () => {
    const a = await loadKnowledgeBase({ dir: valid });
    const b = await loadKnowledgeBase({ dir: valid });
    const c = await loadKnowledgeBase({ dir: valid, synonymsFile: path.join(fixtures, 'broken/synonyms.yaml') });
    expect(a.data.version).toBe(b.data.version);
    expect(c.data.version).not.toBe(a.data.version);
  });
});

describe('loadKnowledgeBase: the real data folder', () => {
  it('loads data/incidents, with storm-0558, without errors', async () => {
    const result = await loadKnowledgeBase({ dir: path.join(root, 'data/incidents') });
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
    expect(result.data.incidents.map((i) => i.id)).toContain('storm-0558');
    expect(result.data.synonyms.length).toBeGreaterThan(0);
  });
});
