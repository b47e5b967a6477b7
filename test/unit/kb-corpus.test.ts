/**
 * Loads the real breaches.cloud write-ups where they sit next to the repository (`../shared/corpus/breaches.cloud`,
 * CC BY-NC-ND, never copied here). Skipped, visibly, when that folder is absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/core/model.js';
import { type LoadResult, loadKnowledgeBase } from '../../src/kb/load.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/breaches.cloud');
const present = existsSync(corpus);
if (!present) console.warn(`kb-corpus: ${corpus} is absent; the corpus tests are skipped`);

/** Timeline rows per write-up, counted by reading each file. */
const EVENTS: Record<string, number> = {
  browserstack: 2,
  codespaces: 2,
  commuteair: 2,
  'datadog-2016': 2,
  drizly: 6,
  footballaustralia: 2,
  lastpass: 9,
  unc2903: 2,
  uber: 19,
  'capital-one': 0,
  chegg: 11,
  'cisco-2020': 7,
  ftx: 9,
  'imperva-rds-snapshot': 4,
  'o365-2023': 15,
  'o365-2024': 6,
  'retool-mfa': 6,
};

/** Texts a person could be shown: with the field they come from, for failure messages. */
function shownTexts(i: Incident): Array<[string, string]> {
  const statements = [...(i.attribution?.details ?? []), ...(i.technique?.details ?? []), ...i.aftermath, ...i.lessons];
  return [
    ['summary', i.summary],
    ['status', i.status.text],
    ['actor', i.attribution?.actor ?? ''],
    ['attribution summary', i.attribution?.summary ?? ''],
    ['technique summary', i.technique?.summary ?? ''],
    ...i.timeline.flatMap(
      (e): Array<[string, string]> => [
        [`${e.id} title`, e.title],
        [`${e.id} detail`, e.detail],
      ],
    ),
    ...statements.flatMap(
      (s): Array<[string, string]> => [
        [`${s.id} title`, s.title ?? ''],
        [s.id, s.text],
      ],
    ),
    ...i.victims.flatMap(
      (v): Array<[string, string]> => [
        [`${v.id} name`, v.name],
        [`${v.id} impact`, v.impact],
      ],
    ),
  ].filter(([, text]) => text !== '') as Array<[string, string]>;
}

/** Placeholder tokens writers leave to fill in; written here independently of the loader's own rules. */
const PLACEHOLDER = /\bX{2,}\b|\bTBD\b|\bTODO\b|\?\?/;
/** Asides about the page, not the facts. */
const ASIDES =
  /\((?:emphasis (?:mine|added)|sic|see (?:below|above)|courtesy[^)]*|source\b[^)]*|\$)\)|\[sic\]|\((?:[^()]*\s)?pg?\s?\d+\)|\bImage by\b|as seen in the (?:above )?screenshot/i;
/** A text cut after an initial ("Paige A.") or left unfinished on a function word with no full stop. */
const CUT_SHORT = /(?:^|\s)[A-Z]\.$|\b(?:the|a|an|of|to|in|on|how|that|which|and|or)$/;

describe.skipIf(!present)('the breaches.cloud corpus', () => {
  let result: LoadResult;
  const files = new Map<string, string>();
  const fileOf = (id: string) => files.get(id) ?? `${id}.md`;
  beforeAll(async () => {
    result = await loadKnowledgeBase({ dir: corpus });
    for (const name of readdirSync(corpus)) files.set(name.replace(/\.md$/, '').toLowerCase(), name);
  });
  const incident = (id: string) => {
    const found = result.data.incidents.find((i) => i.id === id);
    if (!found) throw new Error(`${id} not loaded`);
    return found;
  };

  it('loads all 17 write-ups without an error and skips SOURCE.md', () => {
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.data.incidents.map((i) => i.id).sort()).toEqual(Object.keys(EVENTS).sort());
    expect(result.problems.some((p) => p.file.endsWith('SOURCE.md'))).toBe(false);
  });

  it.each(Object.entries(EVENTS))('%s has %i timeline events, none undated', (id, count) => {
    expect(incident(id).timeline).toHaveLength(count);
    expect(incident(id).aftermath.filter((s) => s.tags.includes('undated'))).toEqual([]);
  });

  it('reads dates the way the write-ups wrote them', () => {
    const at = (id: string, n: number) => {
      const event = incident(id).timeline[n];
      return { date: event?.date, endDate: event?.endDate, dateText: event?.dateText };
    };
    expect(at('o365-2023', 0)).toEqual({ date: '2023-05-15', endDate: undefined, dateText: undefined });
    expect(at('o365-2024', 0)).toEqual({ date: '2023-11', endDate: undefined, dateText: 'Late November, 2023' });
    expect(at('lastpass', 4)).toEqual({ date: '2022-08-12', endDate: '2022-10-26', dateText: undefined });
    expect(at('drizly', 0).date).toBe('2018-04');
    expect(at('drizly', 3).date).toBe('2022-10-24');
    expect(at('uber', 18).date).toBe('2023-05-05');
    expect(at('retool-mfa', 1).date).toBe('2023-08-27');
    expect(incident('footballaustralia').dates.start).toBe('2022-03-26');
  });

  it('reads titles, victims and status from the front matter', () => {
    expect(incident('o365-2023').title).toBe('Microsoft (Storm-0558)');
    expect(incident('o365-2023').attribution?.actor).toBe('Storm-0558');
    expect(incident('uber').victim).toBe('Uber');
    expect(incident('chegg').status.text).toBe('Threat Actor Unknown');
    expect(incident('capital-one').tags).toContain('draft');
    expect(incident('o365-2023').victims.map((v) => v.name)).toEqual(
      expect.arrayContaining(['US Department of State', 'US Department of Commerce']),
    );
  });

  it("keeps the curated incident's names: a write-up alias equal to a curated id or alias is dropped", async () => {
    const both = await loadKnowledgeBase({ dir: [path.join(repoRoot, 'data/incidents'), corpus] });
    const curated = both.data.incidents.find((i) => i.id === 'storm-0558');
    const writeUp = both.data.incidents.find((i) => i.id === 'o365-2023');
    expect(curated).toBeDefined();
    const taken = new Set([curated?.id, ...(curated?.aliases ?? [])].map((a) => a?.toLowerCase()));
    expect(writeUp?.aliases.filter((a) => taken.has(a.toLowerCase()))).toEqual([]);
    expect(both.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('shows no placeholder token and no aside of the writer about the page', () => {
    for (const i of result.data.incidents) {
      for (const [field, text] of shownTexts(i)) {
        expect(text, `${i.id} ${field}`).not.toMatch(PLACEHOLDER);
        expect(text, `${i.id} ${field}`).not.toMatch(ASIDES);
      }
    }
  });

  it('cuts no title or name inside a word, and leaves no text cut short', () => {
    for (const i of result.data.incidents) {
      for (const e of i.timeline) {
        expect(e.title.length, `${i.id} ${e.id}`).toBeLessThanOrEqual(111);
        if (!e.title.endsWith('…')) continue;
        const stem = e.title.slice(0, -1);
        expect(e.detail.startsWith(stem), `${i.id} ${e.id}: the detail holds the whole text`).toBe(true);
        expect(e.detail.charAt(stem.length), `${i.id} ${e.id}: cut between words`).toMatch(/^[^\p{L}\p{N}]$/u);
      }
      for (const [field, text] of shownTexts(i)) expect(text, `${i.id} ${field}`).not.toMatch(CUT_SHORT);
    }
  });

  it('uses no impossible date as a fact', () => {
    for (const i of result.data.incidents) {
      const { start, end, detected, disclosed } = i.dates;
      const newest = [i.updated, ...i.timeline.map((e) => e.date), ...i.sources.map((s) => s.date)]
        .filter((d): d is string => Boolean(d))
        .sort()
        .at(-1) as string;
      for (const date of [start, end, detected, disclosed]) {
        if (date) expect(date.slice(0, newest.length) <= newest, `${i.id} ${date} after ${newest}`).toBe(true);
      }
      if (start && end) expect(end >= start, `${i.id} end ${end} before start ${start}`).toBe(true);
      if (start && disclosed) expect(disclosed >= start, `${i.id} disclosure before start`).toBe(true);
      if (start && detected)
        expect(detected >= start.slice(0, detected.length), `${i.id} detection before start`).toBe(true);
      if (detected && disclosed) expect(detected <= disclosed, `${i.id} detection after disclosure`).toBe(true);
      const leftOut = result.problems.filter(
        (p) => p.file.endsWith(path.sep + fileOf(i.id)) && /left out/.test(p.message),
      );
      for (const p of leftOut) {
        const given = /front matter \w+ (\d{4}-\d{2}-\d{2})/.exec(p.message)?.[1];
        expect(Object.values(i.dates), `${i.id}: ${p.message}`).not.toContain(given);
      }
    }
  });

  it('gives every write-up a title, a dated fact, a way in, and an actor wherever it has an attribution section', () => {
    for (const i of result.data.incidents) {
      expect(i.title, i.id).not.toBe('');
      const dated = i.timeline.length + [...(i.technique?.details ?? []), ...i.aftermath].filter((s) => s.date).length;
      expect(dated, `${i.id} has no dated fact`).toBeGreaterThan(0);
      expect(i.technique?.summary, `${i.id} says nothing of how`).toBeTruthy();
      if (i.attribution) expect(i.attribution.actor, i.id).not.toBe('Not named in the write-up');
    }
  });

  it('reads who, when and how many from the write-ups', () => {
    expect(incident('uber').attribution?.actor).toMatch(/Glover/);
    expect(incident('cisco-2020').attribution?.actor).toMatch(/Ramesh/);
    expect(incident('capital-one').attribution?.actor).toMatch(/Thompson/);
    expect(incident('o365-2024').attribution?.aliases.length).toBeGreaterThan(0);
    expect(incident('lastpass').dates.detected).toBe('2022-08-12');
    expect(incident('o365-2024').dates.detected).toBe('2024-01-12');
    expect(incident('cisco-2020').dates.start).toBe('2018-09-24');
    const figures = (id: string) =>
      incident(id)
        .victims.filter((v) => v.kind === 'figure')
        .map((v) => v.count);
    expect(figures('retool-mfa')).toContain('27');
    expect(figures('capital-one').length).toBeGreaterThan(1);
  });

  it('gives every fact the write-up as a source, and every source a URL', () => {
    for (const i of result.data.incidents) {
      expect(i.sources[0]?.url).toMatch(/^https:\/\/www\.breaches\.cloud\/incidents\//);
      expect(i.timeline.every((e) => e.sources.includes('breaches-cloud'))).toBe(true);
    }
  });
});
