/**
 * The platform-neutral answer. Renderers (Block Kit, Adaptive Cards, plain text, HTML) lay it out within their
 * platform's limits and never invent content.
 */
import { describeDate } from './dates/dates.js';
import type { Source } from './model.js';

export type AnswerKind = 'answer' | 'clarify' | 'none';

export type Intent =
  | 'help'
  | 'timeline'
  | 'victims'
  | 'logging'
  | 'indicators'
  | 'actor'
  | 'technique'
  /** what followed: investigations, findings, the vendor's changes */
  | 'aftermath'
  | 'status'
  | 'sources'
  | 'incidents'
  | 'glossary'
  | 'when'
  | 'duration'
  | 'question'
  | 'digest'
  /** hunting queries to run in a SIEM */
  | 'hunt'
  | 'unknown';

/** One fact, flat: what `ask --json` prints in `facts`. */
export interface AnswerFact {
  /** stable id from the knowledge base (timeline event, victim, recommendation, indicator, term, statement) */
  id: string;
  text: string;
  /** ISO date with the source's precision */
  date?: string;
  sources: string[];
  /** which incident the fact belongs to (set on cross-incident answers) */
  incident?: string;
  /** when this fact replaces earlier claims: the ids it corrects and a short note */
  corrects?: string[];
  correctionNote?: string;
  /** 1-based numbers into `Answer.sources` (each source's `n`): the sources that support this fact */
  cites?: number[];
}

/** One line in a section: usually one fact, laid out as date + text. */
export interface AnswerItem {
  text: string;
  date?: string;
  /** the id of the fact this item shows, when it shows one */
  factId?: string;
  /** a short label shown before the text (indicator type, victim name, term) */
  label?: string;
  /** extra line under the item (correction note, prerequisites) */
  note?: string;
  /** a value inside `text` to show as code: an indicator as it appears there (defanged), a hash, a query */
  value?: string;
}

/** A preformatted block shown verbatim in monospace, easy to copy (every indicator value, a hunting query). */
export interface AnswerCode {
  text: string;
  /** what the text is written in: `kql`, `spl`, `powershell`, `sigma`, `csv`, … */
  language?: string;
  /** a short caption shown above the block ("All values, one per line") */
  label?: string;
}

export interface AnswerSection {
  heading?: string;
  text?: string;
  items?: AnswerItem[];
  /** shown after the section's text and items */
  code?: AnswerCode;
}

/**
 * How much weight a source carries: the affected organization, the investigating agency or the official report
 * (primary); reporting by others (secondary); reprints, mirrors, aggregators and feed redirects (repost). A source
 * without a tier counts as secondary.
 */
export type SourceTier = 'primary' | 'secondary' | 'repost';

/** A source as an answer lists it: the knowledge base's source, its tier and its number in the answer's list. */
export type AnswerSource = Source & {
  tier?: SourceTier;
  /** the number facts cite it by (`[n]`), 1-based; absent on lists that cite nothing (the `sources` answer) */
  n?: number;
};

export interface Answer {
  kind: AnswerKind;
  intent: Intent;
  /** incident id, or null when the answer spans none or several */
  incident: string | null;
  title: string;
  sections: AnswerSection[];
  facts: AnswerFact[];
  sources: AnswerSource[];
  /** follow-up questions or "did you mean" choices: each is text a person could type */
  suggestions: string[];
  /** 0..1 */
  confidence: number;
  /** the knowledge-base version this answer came from */
  kbVersion: string;
  /** when the answer is one page of a longer list: the command text that asks for the next page */
  more?: string;
  /** the question as the person asked it (for echoing back, escaped by renderers) */
  question?: string;
  /** ISO date the answer's facts are current to (the incident's `status.asOf`), on answers whose truth changes */
  asOf?: string;
  // `feedback` is reserved for answer ratings
}

/** The JSON shape of `breachbot ask --json` and `POST /api/ask` (CONTRACTS.md). */
export interface AnswerJson {
  kind: AnswerKind;
  intent: Intent;
  incident: string | null;
  confidence: number;
  title: string;
  text: string;
  facts: Array<{
    id: string;
    text: string;
    date?: string;
    sources: string[];
    incident?: string;
    /** ids of earlier claims this fact corrects */
    corrects?: string[];
    /** what was corrected, or that this fact was corrected later */
    correctionNote?: string;
    /** numbers (`n`) of the sources in `sources` that support this fact */
    cites?: number[];
  }>;
  sources: Array<{
    id: string;
    publisher: string;
    title: string;
    url: string;
    date?: string;
    /** the number facts cite this source by */
    n?: number;
    tier?: SourceTier;
  }>;
  suggestions: string[];
  more?: string;
  kbVersion: string;
  /** ISO date the answer is current to, on answers whose truth changes over time */
  asOf?: string;
  /** preformatted blocks of the answer (also in `text`), in order */
  code?: AnswerCode[];
}

/** One line of an item's note: "Look for: …" has a label, other lines have none. */
export interface NoteLine {
  label?: string;
  text: string;
}

/** An item's note as its non-empty lines, a leading "Label:" split off (every renderer shows labels its own way). */
export function noteLines(note: string): NoteLine[] {
  return note
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const labelled = /^([A-Z][\w ()/-]{0,30}):\s+(\S.*)$/.exec(line);
      return labelled ? { label: labelled[1] ?? '', text: labelled[2] ?? '' } : { text: line };
    });
}

/** `[1][3]`: the citation markers shown after a fact, or "" when it cites nothing numbered. */
export function citeMarks(cites: readonly number[] | undefined): string {
  if (!cites || cites.length === 0) return '';
  let out = '';
  for (const n of cites) out += `[${n}]`;
  return out;
}

/** A piece of text, marked when it is a value to show as code. */
export interface TextSpan {
  text: string;
  code?: boolean;
}

/** IPv4 addresses (plain or defanged) and long hexadecimal strings (hashes, thumbprints, JARM fingerprints). */
const CODE_LIKE = /\b\d{1,3}(?:\.|\[\.\])\d{1,3}(?:\.|\[\.\])\d{1,3}(?:\.|\[\.\])\d{1,3}\b|\b[0-9a-fA-F]{32,}\b/g;

/**
 * Splits text into plain spans and values to show as code: the item's `value` wherever it occurs, IP addresses
 * and hashes. Renderers put the code spans in monospace so they read and copy exactly.
 *
 * @example
 * codeSpans('IP 51.89.156[.]153 (proxy)') // [{ text: 'IP ' }, { text: '51.89.156[.]153', code: true }, { text: ' (proxy)' }]
 */
export function codeSpans(text: string, value?: string): TextSpan[] {
  const ranges: Array<[number, number]> = [];
  if (value && value.length >= 3) {
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
      ranges.push([at, at + value.length]);
    }
  }
  for (const match of text.matchAll(CODE_LIKE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (!ranges.some(([a, b]) => start < b && end > a)) ranges.push([start, end]);
  }
  if (ranges.length === 0) return [{ text }];
  ranges.sort((a, b) => a[0] - b[0]);
  const spans: TextSpan[] = [];
  let last = 0;
  for (const [start, end] of ranges) {
    if (start > last) spans.push({ text: text.slice(last, start) });
    spans.push({ text: text.slice(start, end), code: true });
    last = end;
  }
  if (last < text.length) spans.push({ text: text.slice(last) });
  return spans;
}

/** "as of August 2026" (or "as of 12 August 2026" for a day), for an answer's `asOf`. */
export function asOfText(asOf: string): string {
  return `as of ${describeDate(asOf)}`;
}

/**
 * Where an answer's citation numbers go: an item shows its fact's, and a section text that is a fact's text (a
 * summary, a status) shows that fact's.
 */
export interface Citations {
  item(item: AnswerItem): number[] | undefined;
  text(text: string): number[] | undefined;
}

export function citationsOf(answer: Answer): Citations {
  const byId = new Map<string, number[]>();
  const byText = new Map<string, number[]>();
  for (const fact of answer.facts) {
    if (!fact.cites || fact.cites.length === 0) continue;
    if (!byId.has(fact.id)) byId.set(fact.id, fact.cites);
    if (!byText.has(fact.text)) byText.set(fact.text, fact.cites);
  }
  return {
    item: (item) => (item.factId ? byId.get(item.factId) : undefined),
    text: (text) => byText.get(text),
  };
}
