/**
 * `victims`, "was X affected?" and "how many …?": who was hit, looked up by name, alias or role, with the counts
 * each source gave (later, better-sourced counts first, with what they correct).
 */
import type { Answer, AnswerSection } from '../answer.js';
import { incidentName, makeAnswer, moreCommand, noneAnswer, pageLabel, pageOf } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import { factsAndItems, latest } from '../facts.js';
import type { Incident, Victim } from '../model.js';
import type { Language } from '../reading/language.js';
import { hasAny, type PhraseSet, phrasesAt } from '../reading/patterns.js';
import { analyzeQuery, type Concept, contentConcepts, coverage, type QueryAnalysis } from '../reading/query.js';
import type { Reading } from '../reading/read-question.js';
import {
  actorWords,
  asksMoney,
  countedConcept,
  describingWords,
  madeOfListWords,
  pluralNoun,
} from '../reading/subject.js';
import { countsAffected, holdsMoney, numberBefore } from '../search/counts.js';
import { meetsAskedDate, withDates } from '../search/hit-dates.js';
import { byDate, passagesOf } from '../search/incident-passages.js';
import { normalizeName } from '../search/name-index.js';
import type { Passage } from '../search/passages.js';
import { isStopWord } from '../search/stopwords.js';
import { termOf, words as wordsOf } from '../search/tokenize.js';

const PAGE_SIZE = 12;
const KIND_ORDER: Record<Victim['kind'], number> = { organization: 0, person: 1, figure: 2 };
const HEADINGS: Record<Victim['kind'], string> = {
  organization: 'Organizations',
  person: 'People',
  figure: 'How many (as each source counted)',
};

const victimOf = (p: Passage): Victim | undefined => (p.ref.kind === 'victim' ? p.ref.item : undefined);

export function respondVictims(ask: Ask, confidence = 1): Answer {
  const { kb, incident } = ask;
  if (!incident) return noneAnswer(kb, undefined, ask.question, 'No incidents are loaded.');
  const victims = passagesOf(kb, incident.id, 'victim')
    .filter((p) => !p.supersededBy)
    .sort((a, b) => KIND_ORDER[victimOf(a)?.kind ?? 'figure'] - KIND_ORDER[victimOf(b)?.kind ?? 'figure'] || a.n - b.n);
  if (victims.length === 0) return fromSummary(ask, incident, confidence);
  const page = pageOf(victims, ask.page, PAGE_SIZE);
  const sections: AnswerSection[] = [];
  const facts: Answer['facts'] = [];
  if (page.page === 1) {
    const lead = correctedCount(ask, incident) ?? incident.victim;
    if (lead) sections.push({ text: lead });
  }
  for (const kind of ['organization', 'person', 'figure'] as const) {
    const group = page.items.filter((p) => victimOf(p)?.kind === kind);
    if (group.length === 0) continue;
    const made = factsAndItems(kb, group, {
      label: (p) => (kind === 'figure' ? victimOf(p)?.count : undefined),
    });
    sections.push({ heading: HEADINGS[kind], items: made.items });
    facts.push(...made.facts);
  }
  // counts already in a victim's own entry need no repeating
  if (page.page === 1 && !victims.some((p) => victimOf(p)?.kind === 'figure' || countsAffected(p.text))) {
    const counted = factsAndItems(kb, narrativeCounts(ask, incident), { short: true });
    if (counted.items.length > 0) {
      sections.push({ heading: 'How many (as the sources tell it)', items: counted.items });
      facts.push(...counted.facts);
    }
  }
  return makeAnswer(kb, {
    intent: 'victims',
    incident: incident.id,
    title: `Who was affected by ${incidentName(incident)}${pageLabel(page)}`,
    sections,
    facts,
    suggestions: ['how many were affected in all?', 'timeline', 'logging'],
    confidence,
    more: page.next ? moreCommand('victims', incident, kb, page.next) : undefined,
    question: ask.question,
  });
}

/**
 * An incident that lists no counts among its victims (a write-up names only the company) often gives them in its
 * summary and timeline ("data on over 40 million users"): the first two such facts, summary first.
 */
function narrativeCounts(ask: Ask, incident: Incident): Passage[] {
  const { kb } = ask;
  const summary = kb.passage(incident.id, `${incident.id}-summary`);
  const candidates = [
    ...(summary ? [summary] : []),
    ...passagesOf(kb, incident.id, 'event'),
    ...passagesOf(kb, incident.id, 'technique'),
  ];
  const out: Passage[] = [];
  for (const p of candidates) {
    if (out.length >= 2) break;
    if (p.supersededBy || !countsAffected(p.text)) continue;
    out.push(p);
  }
  return out;
}

/**
 * When a later count corrects an earlier one, the later count leads and the earlier one is shown as what it
 * corrects ("22 organizations and 503 personal accounts (the review board, 2024); corrects: about 25 (the vendor, July 2023)").
 */
function correctedCount(ask: Ask, incident: Incident): string | undefined {
  const figures = passagesOf(ask.kb, incident.id, 'victim').filter((p) => victimOf(p)?.kind === 'figure');
  const correcting = figures.filter((p) => !p.supersededBy && (p.corrects ?? []).length > 0);
  const lead = correcting.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.n - b.n)[0];
  if (!lead) return undefined;
  const earlier = (lead.corrects ?? [])
    .map((id) => ask.kb.passage(incident.id, id))
    .filter((p): p is Passage => !!p)
    .map((p) => `${victimOf(p)?.count ?? p.title}: ${p.title}`);
  const count = victimOf(lead)?.count ?? lead.title;
  const head = `${capitalize(count)}: ${lead.title}.`;
  return earlier.length > 0 ? `${head} (Corrects the earlier count, ${earlier.join('; ')}.)` : head;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Breaches.cloud incidents name the victim in a few words and no list. */
function fromSummary(ask: Ask, incident: Incident, confidence: number): Answer {
  const summary = ask.kb.passage(incident.id, `${incident.id}-summary`);
  const made = summary ? factsAndItems(ask.kb, [summary]) : { facts: [], items: [] };
  return makeAnswer(ask.kb, {
    intent: 'victims',
    incident: incident.id,
    title: `Who was affected by ${incidentName(incident)}`,
    sections: [{ text: incident.victim ? `Victim: ${incident.victim}.` : undefined, items: made.items }],
    facts: made.facts,
    suggestions: ['timeline', 'status'],
    confidence: Math.min(confidence, 0.8),
    question: ask.question,
  });
}

/** The victim a name, alias or role points to ("the commerce secretary", "raimondo"), if one clearly does. */
export function findVictim(ask: Ask, subject: string): Passage | undefined {
  const { kb, incident } = ask;
  if (!incident || subject.trim() === '') return undefined;
  const victims = passagesOf(kb, incident.id, 'victim');
  if (victims.length === 0) return undefined;
  const cleaned = subject.replace(/^(the|a|an|our|us|u\.s\.)\s+/i, '');
  const length = Math.max(1, normalizeName(cleaned).length);
  // a short word is close to many names ("ssns" to "burns"): it must match nearly exactly
  const limit = normalizeName(cleaned).length < 6 ? 0.05 : 0.2;
  const byName = kb
    .victimNames(incident.id)
    .findAtMost(cleaned, limit, (name) => name.length / length >= 0.5 && name.length / length <= 2);
  const ratio = byName ? byName.name.length / length : 0;
  if (byName && byName.score <= limit && ratio >= 0.5 && ratio <= 2) {
    const p = kb.passage(incident.id, byName.value);
    if (p && victimOf(p)?.kind !== 'figure') return p;
  }
  const query = analyzeQuery(kb, cleaned);
  if (query.concepts.length === 0) return undefined;
  const hits = kb.index.search(query.terms, {
    incidents: new Set([incident.id]),
    kinds: new Set(['victim']),
    limit: 5,
  });
  const best = hits.find((h) => victimOf(h.passage)?.kind !== 'figure');
  if (!best || coverage(query, best) < 0.7) return undefined;
  // the subject must name the victim (its name, role or aliases), not only share words with its story
  if (!query.concepts.some((c) => !c.weak && !c.filler && c.terms.some((t) => best.prominent.has(t.term))))
    return undefined;
  return best.passage;
}

/** One victim, with the timeline events that mention them. */
export function respondVictim(ask: Ask, victim: Passage, yesNo: boolean, confidence = 0.9): Answer {
  const { kb } = ask;
  const v = victimOf(victim);
  const shown = latest(kb, victim);
  const related = relatedEvents(ask, victim);
  const main = factsAndItems(kb, [shown]);
  const events = factsAndItems(kb, related, { short: true });
  const sections: AnswerSection[] = [{ items: main.items }];
  if (events.items.length > 0) sections.push({ heading: 'Related events', items: events.items });
  const name = v?.role ? `${v.name} (${v.role})` : (v?.name ?? victim.title);
  return makeAnswer(kb, {
    intent: 'victims',
    incident: victim.incident,
    title: yesNo ? `Yes: ${name} was affected` : name,
    sections,
    facts: [...main.facts, ...events.facts],
    suggestions: ['victims', 'timeline'],
    confidence,
    question: ask.question,
  });
}

/** an event's title in lower case (made once per passage) */
const lowerTitles = new WeakMap<Passage, string>();
function lowerTitle(p: Passage): string {
  let lower = lowerTitles.get(p);
  if (lower === undefined) {
    lower = p.title.toLowerCase();
    lowerTitles.set(p, lower);
  }
  return lower;
}

function relatedEvents(ask: Ask, victim: Passage): Passage[] {
  const v = victimOf(victim);
  if (!v || v.kind === 'figure') return [];
  const names = [v.name, ...v.aliases].filter((n) => n.length >= 4);
  const needles = names.map((n) => n.toLowerCase());
  return passagesOf(ask.kb, victim.incident, 'event')
    .filter((e) => !e.supersededBy && needles.some((n) => lowerTitle(e).includes(n)))
    .sort(byDate)
    .slice(0, 4);
}

/** "How many …": the counts whose names match the question, latest first, with the counts they correct. */
export function respondFigures(ask: Ask, reading: Reading): Answer | undefined {
  const { kb, incident } = ask;
  if (!incident) return undefined;
  const { query } = reading;
  const hits = kb.index.search(query.terms, {
    incidents: new Set([incident.id]),
    kinds: new Set(['victim', 'event']),
    limit: 30,
  });
  // "how many orgs got hit in the summer 2023 forged token thing": the words describing the incident say which
  // incident, not which of its figures: every figure meets them
  // so do the words that name its actor ("how many emails did the chinese hackers steal")
  const described = [
    ...describingWords(kb.language, incident, reading.words),
    ...actorWords(kb, incident, reading.words),
  ].flatMap((w) => termOf(w) ?? []);
  // "how many theories": a figure that counts something else is no answer
  const counted = countedConcept(kb.language, incident, query);
  // the figure that meets most of the question leads ("per the csrb, how many enterprise orgs", "when it announced
  // it in july 2023": a month or year the question names is met by a figure dated then); search order breaks ties
  const figures = hits
    .filter((h) => {
      const v = victimOf(h.passage);
      return v?.kind === 'figure' || h.passage.keywords.includes('figure');
    })
    .filter((h) => !counted || coverage(query, h, [counted]) > 0)
    .map((h, i) => {
      const dated = withDates(query, h);
      const hit = described.length > 0 ? { ...dated, matched: new Set([...dated.matched, ...described]) } : dated;
      return { hit, cov: coverage(query, hit), i };
    })
    .sort((a, b) => b.cov - a.cov || a.i - b.i)
    .map((r) => r.hit);
  // "how many victims", "the victim count": every figure of a victim is met by the word; the one that counts
  // victims (organizations, accounts, people) answers, not a count of emails or weeks
  const victimWords = kb.language.list('victims-noun');
  // "how many people's data", "how many users' data": a word of the unit list right after "how many" counts victims
  // too
  const asksVictims =
    countsUnitWord(kb.language, query.words) ||
    (counted ? hasAny(victimWords, counted.text.split(' ')) : hasAny(victimWords, query.words));
  const countsVictims = (p: Passage) => countsUnit(kb.language.list('victim-unit'), p.text);
  if (asksVictims && figures.some((h) => countsVictims(h.passage)))
    figures.sort((a, b) => Number(countsVictims(b.passage)) - Number(countsVictims(a.passage)));
  // "how many passwords were cracked": the figure whose own name is a count of passwords ("25 million user
  // passwords"), not one that counts customers told to reset their passwords
  const namesCounted = (p: Passage) =>
    !!counted && wordsOf(p.title.toLowerCase()).some((w) => counted.terms.some((t) => t.term === termOf(w)));
  if (counted && !asksVictims && figures.some((h) => namesCounted(h.passage)))
    figures.sort((a, b) => Number(namesCounted(b.passage)) - Number(namesCounted(a.passage)));
  const best = figures[0];
  if (!best || coverage(query, best) < 0.45) return undefined;
  // "how many key theft hypotheses did they go through": a figure that misses the question's rarest word counts
  // something else; a fact that holds it may give the number in passing
  const rarest = countedRun(kb.language, query)
    .filter(
      (c) =>
        !c.unknown && !c.own.every((t) => described.includes(t)) && !madeOfListWords(kb.language, c, ['affected-word']),
    )
    .sort((a, b) => b.weight - a.weight)[0];
  if (rarest && rarest.weight >= RARE_WEIGHT && coverage(query, best, [rarest]) === 0) return undefined;
  // "how much did it cost them": a count of machines or customers is no answer; search for the amount instead
  if (asksMoney(kb.language, query.words) && !holdsMoney(best.passage.text)) return undefined;
  const original = hasAny(kb.language.list('original-word'), query.words);
  // "the final count", "the latest number": the count that stands now, whatever date the question names
  const current = hasAny(kb.language.list('current-word'), query.words);
  const chosen: Passage[] = [];
  for (const h of figures.slice(0, 6)) {
    if (h.score < best.score * 0.4) break;
    const p = latest(kb, h.passage);
    // "how many did they say when they announced it in july 2023": the count of then, ahead of its correction
    // "how many did they originally say": the first count, ahead of its correction
    const asOfThen =
      p !== h.passage && (original || (!current && meetsAskedDate(query, h.passage) && !meetsAskedDate(query, p)));
    for (const q of asOfThen ? [h.passage, p] : [p, h.passage]) if (!chosen.includes(q)) chosen.push(q);
  }
  // the first count ahead of the correction that replaced it, whichever the search met first
  if (original) chosen.sort((a, b) => Number(!!b.supersededBy) - Number(!!a.supersededBy));
  const label = { label: (p: Passage) => victimOf(p)?.count };
  // a count of then that leads is shown, though its correction is listed too (which otherwise replaces it)
  const first = chosen[0] as Passage;
  const then = first.supersededBy ? factsAndItems(kb, [first], label) : undefined;
  const rest = factsAndItems(kb, then ? chosen.slice(1, 4) : chosen.slice(0, 4), label);
  const made = then ? { facts: [...then.facts, ...rest.facts], items: [...then.items, ...rest.items] } : rest;
  return makeAnswer(kb, {
    intent: 'victims',
    incident: incident.id,
    title: `How many: ${victimOf(chosen[0] as Passage)?.name ?? (chosen[0] as Passage).title}`,
    sections: [{ items: made.items }],
    facts: made.facts,
    suggestions: ['victims', 'timeline'],
    confidence: Math.min(0.95, 0.5 + coverage(query, best) / 2),
    question: ask.question,
  });
}

/**
 * The concepts of the words right after "how many", up to a small word ("how many key theft hypotheses did …" gives
 * key, theft, hypotheses): what is counted, told in one word or several.
 */
export function countedRun(language: Language, query: QueryAnalysis): Concept[] {
  const cue = language.list('thing-count-cue');
  const aux = language.list('aux');
  const ws = query.words;
  for (let i = 0; i < ws.length; i++) {
    const length = phrasesAt(cue, ws, i)[0];
    if (length === undefined) continue;
    const run: string[] = [];
    for (let k = i + length; k < ws.length && run.length < COUNTED_WORDS; k++) {
      const w = ws[k] as string;
      if (isStopWord(w) || hasAny(aux, [w])) break;
      run.push(w);
    }
    return contentConcepts(query).filter((c) => c.text.split(' ').some((w) => run.includes(w)));
  }
  return [];
}

/** True when the word right after "how many" is a word of the victim-unit list ("how many people", "how many orgs"). */
function countsUnitWord(language: Language, ws: readonly string[]): boolean {
  const cue = language.list('thing-count-cue');
  for (let i = 0; i < ws.length; i++) {
    const length = phrasesAt(cue, ws, i)[0];
    // "how many user passwords": the word of people tells whose passwords, it is not what is counted
    if (length !== undefined)
      return (
        hasAny(language.list('victim-unit'), ws.slice(i + length, i + length + 1)) &&
        !pluralNoun(language, ws[i + length + 1])
      );
  }
  return false;
}

/** Words after "how many" read as what is counted, at most. */
const COUNTED_WORDS = 3;

/** A word of what is counted this telling (rare in the knowledge base) must be met by the figure that answers. */
export const RARE_WEIGHT = 0.85;

/** Most words between a number and the unit it counts ("22 enterprise organizations"). */
const UNIT_REACH = 3;

/**
 * True when the text gives a number followed, within a few words, by a word of the unit list that the number counts:
 * one that ends its clause or is followed by a small word or a participle ("22 organizations, including …", "57
 * million users were affected", "503 accounts belonging to …"), not one that only describes the noun after it ("200
 * user data files" counts files).
 */
function countsUnit(units: PhraseSet, text: string): boolean {
  return text.split(/[,;:()]|\.(?=\s|$)/).some((clause) => {
    const words = wordsOf(clause);
    return numberBefore(words, UNIT_REACH, (u, at) => {
      if (!hasAny(units, [u])) return false;
      const after = words[at + 1];
      return after === undefined || isStopWord(after) || PARTICIPLE.test(after);
    });
  });
}

/** A word read as a participle by its ending ("affected", "belonging"): it tells of the noun before it. */
const PARTICIPLE = /(?:ed|ing)$/;
