/**
 * The platform-neutral answer. Renderers (Block Kit, Adaptive Cards, plain text, HTML) lay it out within their
 * platform's limits and never invent content.
 */
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
}

export interface AnswerSection {
  heading?: string;
  text?: string;
  items?: AnswerItem[];
}

export interface Answer {
  kind: AnswerKind;
  intent: Intent;
  /** incident id, or null when the answer spans none or several */
  incident: string | null;
  title: string;
  sections: AnswerSection[];
  facts: AnswerFact[];
  sources: Source[];
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
  }>;
  sources: Array<{ id: string; publisher: string; title: string; url: string; date?: string }>;
  suggestions: string[];
  more?: string;
  kbVersion: string;
}
