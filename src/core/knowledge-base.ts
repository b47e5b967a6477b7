/**
 * The knowledge base the core answers from: loaded incident data plus the search structures, built once at
 * start-up by `createKnowledgeBase`.
 *
 * @example
 * const kb = createKnowledgeBase(data);
 * kb.incident('gamma-0042')?.title
 */

import type { Incident, KnowledgeBaseData } from './model.js';
import { compileLanguage, type Language } from './reading/language.js';
import { createLexicon, type Lexicon } from './search/lexicon.js';
import { createNameIndex, type NameIndex } from './search/name-index.js';
import { incidentPassages, type Passage } from './search/passages.js';
import { createSearchIndex, indexTokens, type SearchIndex } from './search/search-index.js';
import { createSynonymTable, type SynonymTable } from './search/synonyms.js';
import { words } from './search/tokenize.js';

export interface KnowledgeBase {
  readonly data: KnowledgeBaseData;
  /** the incidents answers come from: every loaded one except write-ups covered by a curated incident */
  readonly incidents: readonly Incident[];
  /**
   * breaches.cloud write-ups of an incident the curated data already holds (their id is a curated incident's id
   * or alias): left out of search and answers; naming one selects the curated incident
   */
  readonly covered: readonly CoveredIncident[];
  readonly version: string;
  /** the incident used when a question names none */
  readonly defaultIncident: Incident | undefined;
  incident(id: string): Incident | undefined;
  /** every fact of every incident, flattened for search */
  readonly passages: readonly Passage[];
  /** a passage by incident and fact id */
  passage(incident: string, id: string): Passage | undefined;
  readonly index: SearchIndex;
  readonly lexicon: Lexicon;
  readonly synonyms: SynonymTable;
  /** how questions are read (word lists and patterns from `data/language.yaml`) */
  readonly language: Language;
  /** incident ids, aliases and titles → incident id */
  readonly incidentNames: NameIndex<string>;
  /** victim names, aliases and roles of one incident → victim id */
  victimNames(incident: string): NameIndex<string>;
  /** glossary terms and aliases of one incident → term id */
  glossaryNames(incident: string): NameIndex<string>;
}

export interface CoveredIncident {
  /** the write-up's id */
  id: string;
  title: string;
  /** the curated incident that covers it */
  by: string;
}

/** Write-ups whose id names a curated (`native`) incident: the curated one covers them. */
export function coveredIncidents(incidents: readonly Incident[]): CoveredIncident[] {
  const curated = new Map<string, string>();
  for (const i of incidents) {
    if (i.origin === 'breaches.cloud') continue;
    for (const name of [i.id, ...i.aliases])
      if (!curated.has(name.toLowerCase())) curated.set(name.toLowerCase(), i.id);
  }
  return incidents.flatMap((i) => {
    const by = i.origin === 'breaches.cloud' ? curated.get(i.id.toLowerCase()) : undefined;
    return by && by !== i.id ? [{ id: i.id, title: i.title, by }] : [];
  });
}

export interface KnowledgeBaseOptions {
  /**
   * Build the search index, vocabulary and synonym table on first use instead of now. The CLI uses it so that
   * `breachbot ask timeline` answers without them; a server builds everything up front (the default).
   */
  lazy?: boolean;
}

/** Computes a value on first use, then keeps it. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

export function createKnowledgeBase(data: KnowledgeBaseData, options: KnowledgeBaseOptions = {}): KnowledgeBase {
  const covered = coveredIncidents(data.incidents);
  const coveredBy = new Map(covered.map((c) => [c.id, c.by]));
  const incidents = data.incidents.filter((i) => !coveredBy.has(i.id));
  const byId = new Map(incidents.map((i) => [i.id, i]));
  // naming a covered write-up selects the curated incident
  for (const c of covered) {
    const by = byId.get(c.by);
    if (by && !byId.has(c.id)) byId.set(c.id, by);
  }
  const fallback = data.defaultIncident ? byId.get(data.defaultIncident) : undefined;
  // built on first use: a command such as `timeline` answers from the incident alone
  const passages = once((): Passage[] => incidents.flatMap(incidentPassages).map((p, n) => ({ ...p, n }) as Passage));
  const byKey = once(() => new Map(passages().map((p) => [`${p.incident}\u0000${p.id}`, p])));
  // each field is tokenized once: the index, document frequencies and the vocabulary share the result
  const tokenCache = new Map<string, string[]>();
  const tokensOf = (text: string): string[] => {
    let tokens = tokenCache.get(text);
    if (!tokens) {
      tokens = indexTokens(text);
      tokenCache.set(text, tokens);
    }
    return tokens;
  };
  const language = once(() => compileLanguage(data.language));
  const lexicon = once(() => {
    const counts = new Map<string, number>();
    const count = (text: string) => {
      for (const token of tokensOf(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
    };
    for (const p of passages()) {
      count(p.title);
      count(p.text);
      count(p.keywords);
    }
    for (const group of data.synonyms) for (const member of group) for (const w of words(member)) count(w);
    for (const incident of incidents) count(`${incident.id} ${incident.aliases.join(' ')}`);
    const lang = language();
    return createLexicon(counts, {
      words: lang.words,
      shorthand: lang.shorthand,
      questionWords: lang.questionWords,
      intentWords: [...lang.commands.keys()],
      correctable: [...Object.values(lang.keyDates), lang.list('happened-word')].flatMap((set) =>
        [...set.byFirst.values()].flatMap((phrases) =>
          phrases.filter((p) => p.length === 1).map((p) => p[0] as string),
        ),
      ),
    });
  });
  const index = once(() => createSearchIndex(passages(), tokensOf));
  const synonyms = once(() => createSynonymTable(data.synonyms));
  const incidentNames = once(() =>
    createNameIndex(
      // in load order, so that a name two incidents share keeps going where it went; a covered write-up's
      // names lead to the curated incident
      data.incidents.flatMap((i) => {
        const value = coveredBy.get(i.id) ?? i.id;
        return [
          { name: i.id, value },
          ...i.aliases.map((a) => ({ name: a, value })),
          { name: i.title, value },
          ...(i.victim && i.victim.length <= 40 ? [{ name: i.victim, value }] : []),
        ];
      }),
      0.25,
    ),
  );
  const victimIndexes = new Map<string, NameIndex<string>>();
  const glossaryIndexes = new Map<string, NameIndex<string>>();
  if (!options.lazy) {
    passages();
    byKey();
    lexicon();
    index();
    synonyms();
    incidentNames();
  }

  return {
    data,
    incidents,
    covered,
    version: data.version,
    // the configured incident, else the first loaded (the bundled data's, which loads first)
    defaultIncident: fallback ?? incidents[0],
    incident: (id) => byId.get(id),
    get passages() {
      return passages();
    },
    passage: (incident, id) => byKey().get(`${incident}\u0000${id}`),
    get index() {
      return index();
    },
    get lexicon() {
      return lexicon();
    },
    get synonyms() {
      return synonyms();
    },
    get language() {
      return language();
    },
    get incidentNames() {
      return incidentNames();
    },
    victimNames(id) {
      let names = victimIndexes.get(id);
      if (!names) {
        const victims = byId.get(id)?.victims ?? [];
        names = createNameIndex(
          victims.flatMap((v) => [
            { name: v.name, value: v.id },
            ...v.aliases.map((a) => ({ name: a, value: v.id })),
            // short roles only ("US Secretary of Commerce"): a long description is not a name
            ...(v.role && v.role.length <= 48 ? [{ name: v.role, value: v.id }] : []),
          ]),
        );
        victimIndexes.set(id, names);
      }
      return names;
    },
    glossaryNames(id) {
      let names = glossaryIndexes.get(id);
      if (!names) {
        const terms = byId.get(id)?.glossary ?? [];
        names = createNameIndex(
          terms.flatMap((t) => [{ name: t.term, value: t.id }, ...t.aliases.map((a) => ({ name: a, value: t.id }))]),
          0.25,
        );
        glossaryIndexes.set(id, names);
      }
      return names;
    },
  };
}
