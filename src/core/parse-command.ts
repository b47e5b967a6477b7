/**
 * Chat text → Command (CONTRACTS.md, "Chat commands"). Cleans the text, reads a trailing `page N`, a leading
 * incident name ("umbrella timeline", "cardinal-bank victims"), then the command word, forgiving typos. Anything
 * else is a free-text question, classified later by `respond`. Never throws.
 *
 * @example
 * parseCommand('timline july 2023 page 2', kb) // { type: 'timeline', range: { from: '2023-07-01', … }, page: 2, … }
 */
import type { Command, CommandBody } from './command.js';
import { findDateRange } from './dates/date-phrases.js';
import { yearForMonth } from './dates/year-for-month.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { Incident } from './model.js';
import { parseDigest } from './parse-digest.js';
import { commandWord, isCommandWord, TAKES_ARGUMENTS } from './reading/command-words.js';
import { cleanText } from './reading/normalize.js';
import { readQuestion } from './reading/read-question.js';
import { findIpv4s } from './search/defang.js';
import { editDistance, sameDigits } from './search/edit-distance.js';
import { missingChars, normalizeName } from './search/name-index.js';
import { isStopWord } from './search/stopwords.js';
import { words as wordsOf } from './search/tokenize.js';

const PAGE = /\s*[,;]?\s*\b(?:page|pg|p\.)\s*#?(\d{1,4})\s*[.!?]*$/i;
const HEX = /\b[0-9a-f]{32,64}\b/i;

export function parseCommand(text: string, kb: KnowledgeBase): Command {
  const raw = cleanText(text);
  try {
    return parse(raw, kb);
  } catch {
    return { type: 'question', text: raw, raw };
  }
}

function parse(raw: string, kb: KnowledgeBase): Command {
  let body = raw.replace(/^[/!]breach\b\s*/i, '').replace(/^[\s,:;>-]+/, '');
  let page: number | undefined;
  const pageMatch = PAGE.exec(body);
  if (pageMatch) {
    page = Math.max(1, Number(pageMatch[1]));
    body = body.slice(0, pageMatch.index).trim();
  }
  let incident: Incident | undefined;
  const named = leadingIncident(body, kb);
  if (named) {
    incident = named.incident;
    body = named.rest;
  }
  const extras = { raw, ...(incident ? { incident: incident.id } : {}), ...(page ? { page } : {}) };
  if (body.replace(/[^\p{L}\p{N}]/gu, '') === '') {
    // only punctuation, or only an incident name: help, or that incident's overview
    return incident ? { type: 'status', ...extras } : { type: 'help', ...extras };
  }
  const parts = body.split(/\s+/);
  const first = (parts[0] ?? '').toLowerCase().replace(/[?!.,:;]+$/, '');
  const rest = parts.slice(1).join(' ').trim();
  const type = commandWord(kb.language, first);
  if (type) {
    const command = commandBody(type, rest, parts.slice(1), incident ?? kb.defaultIncident, kb);
    if (command) return { ...command, ...extras } as Command;
  }
  if (isBareIndicator(body)) return { type: 'indicators', query: body.trim(), ...extras };
  // "give me a splunk query for this": a request for hunting queries, in whatever words
  if (readQuestion(kb, body, incident).kind === 'hunt') return { type: 'hunt', words: body, ...extras };
  return { type: 'question', text: body, ...extras };
}

function commandBody(
  type: Command['type'],
  rest: string,
  args: string[],
  incident: Incident | undefined,
  kb: KnowledgeBase,
): CommandBody | undefined {
  const fillers = kb.language.list('command-filler');
  // "victims please" is the command; "breach how" is a question (a question word is never filler)
  const questionWords = kb.language.questionWords;
  const filler = wordsOf(rest).every((w) => (isStopWord(w) && !questionWords.includes(w)) || fillers.byFirst.has(w));
  if (!TAKES_ARGUMENTS.has(type) && !filler) return undefined;
  switch (type) {
    case 'help':
      return { type: 'help' };
    case 'timeline': {
      if (filler) return { type: 'timeline' };
      // "timeline check: when did they complete the acquisition?": a question after the word, not a filter
      if (/\?\s*$/.test(rest) && wordsOf(rest).some((w) => questionWords.includes(w))) return undefined;
      // "timeline bfeore 2023-05-15": typos fixed before the date is read
      const fixed = rest
        .split(/\s+/)
        .map((w) => (/^[a-z]+$/i.test(w) ? (kb.lexicon.correct(w.toLowerCase()) ?? w) : w))
        .join(' ');
      const found = findDateRange(fixed, { yearForMonth: incident ? yearForMonth(incident) : undefined });
      const words = (found ? fixed.replace(found.matched, ' ') : fixed)
        .replace(/\b(in|on|during|of|for|from|between|about|the|events?)\b/gi, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      return {
        type: 'timeline',
        ...(found ? { range: found.range } : {}),
        ...(words !== '' ? { words } : {}),
      };
    }
    case 'indicators':
      return filler ? { type: 'indicators' } : { type: 'indicators', query: rest };
    case 'hunt':
      return filler ? { type: 'hunt' } : { type: 'hunt', words: rest };
    case 'digest':
      return { type: 'digest', ...parseDigest(args) };
    default:
      return { type } as CommandBody;
  }
}

/** An IP (plain or defanged) or a long hex value typed on its own. */
function isBareIndicator(body: string): boolean {
  const trimmed = body.trim().replace(/[?!.]+$/, '');
  if (trimmed.split(/\s+/).length > 1) return false;
  return findIpv4s(trimmed).length === 1 || HEX.test(trimmed);
}

/** Compact form used to compare names: letters and digits only. */
const compact = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** An incident named by the first one to four words, exactly or with a small typo. */
function leadingIncident(body: string, kb: KnowledgeBase): { incident: Incident; rest: string } | undefined {
  if (kb.incidents.length === 0) return undefined;
  const parts = body.split(/\s+/);
  for (let n = Math.min(4, parts.length); n >= 1; n--) {
    const head = parts
      .slice(0, n)
      .join(' ')
      .replace(/[,:;?!]+$/, '');
    const key = compact(head);
    if (key.length < 3) continue;
    const id = matchIncidentName(kb, head, key);
    if (!id) continue;
    const incident = kb.incident(id);
    if (incident) return { incident, rest: parts.slice(n).join(' ') };
  }
  return undefined;
}

/** Every incident's names (id, title, aliases, victim) in compact form, in incident order; made once per knowledge base. */
const compactMemo = new WeakMap<KnowledgeBase, Array<{ incident: string; target: string }>>();
function compactNames(kb: KnowledgeBase): Array<{ incident: string; target: string }> {
  let list = compactMemo.get(kb);
  if (!list) {
    list = kb.incidents.flatMap((incident) =>
      [incident.id, incident.title, ...incident.aliases, ...(incident.victim ? [incident.victim] : [])].map((name) => ({
        incident: incident.id,
        target: compact(name),
      })),
    );
    compactMemo.set(kb, list);
  }
  return list;
}

function matchIncidentName(kb: KnowledgeBase, head: string, key: string): string | undefined {
  const exact = kb.incidentNames.exact(head);
  if (exact) return exact;
  const firstWord = head.split(' ')[0]?.toLowerCase() ?? '';
  // a command word or a question word is never a mistyped incident name
  if (isStopWord(firstWord) || isCommandWord(kb.language, firstWord) || commandWord(kb.language, firstWord))
    return undefined;
  // a word the knowledge base uses only starts a mistyped name of several words, the others spelled right
  // ("cardnal bank" for Cardinal Bank; "cardnal hill" names nothing)
  if (kb.lexicon.has(firstWord)) return wordTypoMatch(kb, head);
  let found: string | undefined;
  for (const { incident, target } of compactNames(kb)) {
    if (target === key) return incident;
    if (key.length < 5 || target.length > 40) continue;
    const max = key.length >= 8 ? 2 : 1;
    if (Math.abs(target.length - key.length) > max || !sameDigits(key, target)) continue;
    if (editDistance(key, target, max) <= max) {
      if (found && found !== incident) return undefined; // ambiguous
      found = incident;
    }
  }
  if (found) return found;
  // fuzzy title match (fuse.js), only when clearly one incident
  if (key.length < 5) return undefined;
  // fuse.js only when it can succeed: its best match must be about as long as the head and score at most 0.15,
  // and a score is never below the share of the pattern's letters the name lacks
  const pattern = normalizeName(head).slice(0, 32);
  const possible = kb.incidentNames
    .pool(head)
    .some(
      (m) =>
        Math.abs(compact(m.name).length - key.length) <= 2 && missingChars(pattern, m.name) / pattern.length <= 0.15,
    );
  if (!possible) return undefined;
  const matches = kb.incidentNames.search(head, 3);
  const best = matches[0];
  if (!best || best.score > 0.15) return undefined;
  const lengthOk = Math.abs(compact(best.name).length - key.length) <= 2 && sameDigits(compact(best.name), key);
  const unique = matches.every((m) => m.value === best.value || m.score > best.score + 0.2);
  return lengthOk && unique ? best.value : undefined;
}

/** Every incident's names of two or more words, split into words; made once per knowledge base. */
const wordNamesMemo = new WeakMap<KnowledgeBase, Array<{ incident: string; words: string[] }>>();
function wordNames(kb: KnowledgeBase): Array<{ incident: string; words: string[] }> {
  let list = wordNamesMemo.get(kb);
  if (!list) {
    list = kb.incidents.flatMap((incident) =>
      [incident.id, incident.title, ...incident.aliases, ...(incident.victim ? [incident.victim] : [])]
        .map((name) => normalizeName(name).split(' '))
        .filter((words) => words.length >= 2 && words.length <= 4)
        .map((words) => ({ incident: incident.id, words })),
    );
    wordNamesMemo.set(kb, list);
  }
  return list;
}

/**
 * A name of several words typed word for word, at most two words mistyped (one edit each, in words of five or more
 * letters) and at least one spelled right: "cardnal bank" → Cardinal Bank. Undefined when none or several incidents fit.
 */
function wordTypoMatch(kb: KnowledgeBase, head: string): string | undefined {
  const words = normalizeName(head).split(' ');
  if (words.length < 2) return undefined;
  let found: string | undefined;
  for (const name of wordNames(kb)) {
    if (name.words.length !== words.length) continue;
    let typos = 0;
    for (let i = 0; i < words.length && typos <= 2; i++) {
      const a = words[i] as string;
      const b = name.words[i] as string;
      if (a === b) continue;
      typos += a.length >= 5 && b.length >= 5 && editDistance(a, b, 1) <= 1 ? 1 : 3;
    }
    if (typos === 0 || typos > 2 || typos >= words.length) continue;
    if (found && found !== name.incident) return undefined; // ambiguous
    found = name.incident;
  }
  return found;
}
