// src/core/search/search-index.ts reproduces minisearch's BM25 for the asker's own words (issue 14.2: it stays only
// with a differential test against the library). For every golden question — test/golden/*.yaml and, when present,
// ../shared/eval/*.yaml — over the bundled knowledge base and over it plus the 17 breaches.cloud write-ups, the
// question's own search terms (as the engine reads them) are searched in both: minisearch configured as the index
// documents itself, and the project's index. Same passages, same order, scores within 1e-9; once over everything and
// once scoped to the question's incident.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { analyzeQuery } from '../../src/core/reading/query.js';
import type { Passage } from '../../src/core/search/passages.js';
import type { SearchOptions } from '../../src/core/search/search-index.js';
import { indexTokens } from '../../src/core/search/search-index.js';
import { termOf } from '../../src/core/search/tokenize.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'breaches.cloud');
const sharedEval = path.resolve(root, '..', 'shared', 'eval');
const TOLERANCE = 1e-9;

/** Every `q:` of every question file found. */
function goldenQuestions(): string[] {
  const files = [
    ...readdirSync(path.join(root, 'test/golden'))
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => path.join(root, 'test/golden', n)),
    ...(existsSync(sharedEval)
      ? readdirSync(sharedEval)
          .filter((n) => n.endsWith('.yaml'))
          .map((n) => path.join(sharedEval, n))
      : []),
  ];
  const questions = files.flatMap((file) => {
    const cases = parse(readFileSync(file, 'utf8')) as Array<{ q?: unknown }>;
    return cases.map((c) => c.q).filter((q): q is string => typeof q === 'string');
  });
  return [...new Set(questions)];
}

/** minisearch over the same passages, configured as search-index.ts says it scores. */
function miniIndex(passages: readonly Passage[]) {
  const mini = new MiniSearch<{ id: number; title: string; text: string; keywords: string }>({
    fields: ['title', 'text', 'keywords'],
    storeFields: [],
    tokenize: indexTokens,
    processTerm: (term) => termOf(term) ?? null,
    searchOptions: { boost: { title: 2, keywords: 1.2, text: 1 }, bm25: { k: 1.2, b: 0.5, d: 0.5 } },
  });
  mini.addAll(passages.map((p) => ({ id: p.n, title: p.title, text: p.text, keywords: p.keywords })));
  return mini;
}

type Ranked = Array<{ n: number; score: number }>;

/** Best first; passages whose scores differ by less than the tolerance in passage order (the index's tie rule). */
function ranked(list: Ranked): Ranked {
  return [...list].sort((a, b) => (Math.abs(a.score - b.score) < TOLERANCE ? a.n - b.n : b.score - a.score));
}

interface Difference {
  question: string;
  scope: string;
  detail: string;
}

/** Compares the two indexes on every question; returns the searches made and every difference found. */
function compare(kb: KnowledgeBase, questions: readonly string[]): { searches: number; differences: Difference[] } {
  const mini = miniIndex(kb.passages);
  const common = Math.max(50, kb.index.documentCount * 0.2);
  const differences: Difference[] = [];
  let searches = 0;
  for (const question of questions) {
    const own = [
      ...new Set(
        analyzeQuery(kb, question)
          .terms.filter((t) => t.weight >= 1 && kb.index.df(t.term) <= common)
          .map((t) => t.term),
      ),
    ];
    if (own.length === 0) continue;
    const incident = parseCommand(question, kb).incident ?? kb.defaultIncident?.id;
    const scopes: Array<[string, SearchOptions]> = [['all', {}]];
    if (incident) scopes.push([incident, { incidents: new Set([incident]) }]);
    for (const [scope, options] of scopes) {
      searches++;
      const ours = ranked(
        kb.index
          .search(
            own.map((term) => ({ term, weight: 1 })),
            { ...options, limit: kb.passages.length },
          )
          .map((h) => ({ n: h.passage.n, score: h.score })),
      );
      const theirs = ranked(
        mini
          .search(own.join(' '), {
            combineWith: 'OR',
            tokenize: (q: string) => q.split(' '),
            processTerm: (t: string) => t,
            prefix: (term: string) => term.length >= 5 && kb.index.df(term) <= 2 && !/\d/.test(term),
            fuzzy: false,
            weights: { fuzzy: 0.3, prefix: 0.4 },
            filter: options.incidents
              ? (r) => options.incidents?.has(kb.passages[r.id]?.incident ?? '') ?? true
              : undefined,
          })
          .map((r) => ({ n: r.id as number, score: r.score })),
      );
      const same =
        ours.length === theirs.length &&
        ours.every((o, i) => o.n === theirs[i]?.n && Math.abs(o.score - (theirs[i]?.score ?? Number.NaN)) < TOLERANCE);
      if (!same) {
        const at = ours.findIndex(
          (o, i) => o.n !== theirs[i]?.n || Math.abs(o.score - (theirs[i]?.score ?? 0)) >= TOLERANCE,
        );
        differences.push({
          question,
          scope,
          detail: `terms ${own.join(' ')}; ${ours.length} vs ${theirs.length} hits; first difference at ${at}: ${JSON.stringify(ours[at])} vs ${JSON.stringify(theirs[at])}`,
        });
      }
    }
  }
  return { searches, differences };
}

const questions = goldenQuestions();

describe('the search index against minisearch', () => {
  it('has golden questions to compare on', () => {
    expect(questions.length).toBeGreaterThan(400);
  });

  it('agrees on every golden question over the bundled knowledge base', async () => {
    const loaded = await loadKnowledgeBase({ dir: path.join(root, 'data/incidents'), defaultIncident: 'storm-0558' });
    const { searches, differences } = compare(createKnowledgeBase(loaded.data), questions);
    expect(searches).toBeGreaterThan(questions.length);
    expect(differences).toEqual([]);
  }, 120_000);

  it.skipIf(!existsSync(corpus))(
    'agrees on every golden question over the bundled knowledge base and the 17 write-ups',
    async () => {
      const loaded = await loadKnowledgeBase({
        dir: [path.join(root, 'data/incidents'), corpus],
        defaultIncident: 'storm-0558',
      });
      const kb = createKnowledgeBase(loaded.data);
      expect(kb.incidents.length).toBeGreaterThan(10);
      const { searches, differences } = compare(kb, questions);
      expect(searches).toBeGreaterThan(questions.length);
      expect(differences).toEqual([]);
    },
    180_000,
  );
});
