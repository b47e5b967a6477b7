/**
 * The language the engine reads questions in, from `data/language.yaml`: chat noise, word lists, the patterns
 * that tell one kind of question from another, the words for an incident's key dates, and the slots where a
 * question names an incident. The engine itself holds no vocabulary; a new phrasing is a data change.
 *
 * @example
 * const language = compileLanguage(languageSchema.parse(yaml.parse(text)));
 * language.kinds[0]?.kind // 'incidents'
 */
import type { CommandType } from '../command.js';
import type { KeyDate } from '../dates/key-dates.js';
import { compilePattern, type Pattern, type PhraseSet, phraseSet, type WordLists } from './patterns.js';

/** What the engine can do with a question; `list:*` answers with one part of the incident. */
export const QUESTION_KINDS = [
  'help',
  'incidents',
  'across',
  'hunt',
  'defender',
  'duration',
  'count',
  'when',
  'timeline',
  'victim-check',
  'actor',
  'define',
  'who-is',
  'how',
  'why',
  'list:victims',
  'list:logging',
  'list:lessons',
  'list:aftermath',
  'list:indicators',
  'list:status',
  'list:sources',
  'summary',
] as const;

/** `indicator` is told by its form (an IP, a hash, a user agent), `search` is what no pattern claims. */
export type QuestionKind = (typeof QUESTION_KINDS)[number] | 'search' | 'indicator';

/** The parts of an incident a list answer shows whole. */
export type ListKind =
  | 'victims'
  | 'logging'
  | 'actor'
  | 'technique'
  | 'aftermath'
  | 'lessons'
  | 'status'
  | 'sources'
  | 'indicators';

/** The word lists the engine refers to by name; the data must define each. */
export const REQUIRED_LISTS = [
  'aux',
  'lesser-role',
  'deed-ask',
  'agent-noun',
  'back-reference',
  'pronoun',
  'this-incident',
  'attack-verb',
  'incident-noun',
  'affected-word',
  'self',
  'self-owner',
  'happened-word',
  'action-verb',
  'intention',
  'relation-word',
  'exclusion',
  'general-subject',
  'retention-word',
  'lesson-word',
  'correction-word',
  'first-word',
  'last-word',
  'ago-word',
  'dwell-word',
  'speaker-word',
  'advice-asker',
  'define-opener',
  'define-closer',
  'define-needs-closer',
  'who-is-opener',
  'when-opener',
  'count-cue',
  'duration-cue',
  'timeline-noun',
  'key-date-noun',
  'name-stop',
  'command-filler',
  'question-word',
  'ordinal-determiner',
  'determiner',
  'time-lead',
  'active-word',
  'generic-subject',
  'when-word',
  'duration-word',
  'victims-trigger',
  'logging-trigger',
  'actor-trigger',
  'technique-trigger',
  'aftermath-trigger',
  'lesson-subject-filler',
  'incident-list-noun',
  'topic-filler',
  'list-filler',
  'status-noun',
  'indicator-noun',
  'logging-noun',
  'victims-noun',
  'victim-unit',
  'technique-noun',
  'aftermath-noun',
  'actor-noun',
  'sources-noun',
  'relation-verb',
  'calendar-word',
  'indicator-listing',
  'current-word',
  'cause-word',
  'actor-nation',
  'nation-word',
  'root-cause-word',
  'detection-cue',
  'instruction-ask',
  'instruction-cue',
  'remedy-word',
  'amount-cue',
  'target-part',
  'money-cue',
  'money-word',
  'money-noun',
  'thing-count-cue',
  'know-word',
  'unknown-cue',
  'certainty-ask',
  'age-ask',
  'age-cue',
  'certainty-cue',
  'means-cue',
  'future-word',
  'which-word',
  'category-ask',
  'article',
  'facet-noun',
  'negation',
  'vulnerability-word',
  'range-bound',
  'period-lead',
  'word-prefix',
  'publication-noun',
  'publish-verb',
  'author-word',
  'date-word',
  'name-word',
  'person-asker',
  'asked-by',
  'asked-by-verb',
  'wanted-verb',
  'role-word',
  'role-general',
  'original-word',
  'context-opener',
  'contrast-opener',
  'wh-word',
  'loose-end',
  'counterfactual',
  'deed-aux',
  'activity-noun',
  'name-ask',
  'other-word',
  'cause-ask',
  'which-ones',
  'named-plural',
  'event-ask',
  'negated',
  'prevent-verb',
  'speaking-verb',
  'name-ask-end',
  'contents-ask',
  'contents-cue',
  'check-word',
  'name-preposition',
  'successor-word',
  'check-verb',
  'acquire-verb',
  'acquire-determiner',
  'acquire-meaning',
  'compel-verb',
  'compel-end',
  'compel-meaning',
  'span-after',
  'other-ask',
  'likeness-cue',
  'advice-verb',
  'org-noun',
  'incident-thing',
  'possessive-word',
  'indefinite-article',
  'owning',
  'request-word',
  'adverb-ending',
  'kind-word',
  'intro-closer',
  'head-opener',
] as const;

export type ListName = (typeof REQUIRED_LISTS)[number];

/** `data/language.yaml` after validation (`languageSchema` in language-schema.ts): defaults filled in. */
export interface LanguageData {
  noise: string[];
  openers: string[];
  acknowledgements: string[];
  lists: Record<string, string[]>;
  'key-dates': Record<KeyDate, string[]>;
  kinds: Array<{ kind: (typeof QUESTION_KINDS)[number] | 'search'; patterns: string[] }>;
  commands: Record<string, string[]>;
  shorthand: Record<string, string>;
  'hunt-platforms': Record<string, string[]>;
  'name-slots': { strong: string[]; weak: string[] };
  'name-fillers': string[];
  frames: Record<string, string[]>;
  'user-agent-markers': string[];
  'indicator-types': Record<string, string[]>;
  'described-as': Record<string, string[]>;
}

export interface Language {
  noise: PhraseSet;
  openers: PhraseSet;
  acknowledgements: PhraseSet;
  lists: WordLists;
  /** a required list by name */
  list(name: ListName): PhraseSet;
  kinds: ReadonlyArray<{ kind: QuestionKind; patterns: readonly Pattern[] }>;
  keyDates: Readonly<Record<KeyDate, PhraseSet>>;
  /** query format (kql, spl…) → the words that ask for it */
  huntPlatforms: ReadonlyArray<{ format: string; words: PhraseSet }>;
  /** where a question names an incident (`strong`) or names anything (`weak`) */
  nameSlots: { strong: readonly Pattern[]; weak: readonly Pattern[] };
  nameFillers: ReadonlySet<string>;
  /** a question's frame ("said", "advice", "who", "why", "happened") → the patterns that show it */
  frames: ReadonlyArray<{ frame: string; patterns: readonly Pattern[] }>;
  /** chat command words (and their other names) → command */
  commands: ReadonlyMap<string, CommandType>;
  /** chat shorthand → the word it stands for ("abt" → "about") */
  shorthand: ReadonlyMap<string, string>;
  /** indicator type → the words that ask for it, the more specific types first */
  indicatorTypes: ReadonlyArray<{ type: string; words: PhraseSet }>;
  /**
   * organizations by what people call them instead of their name ("ride-hailing" for a ride-hailing company), the
   * descriptions with hyphens read as spaces
   */
  describedAs: ReadonlyArray<{ name: string; descriptions: PhraseSet }>;
  /** text fragments that mark a user-agent string ("mozilla/"), lower case */
  userAgentMarkers: readonly string[];
  /** every word the language uses, for the vocabulary that typos are corrected toward */
  words: readonly string[];
  /** the same words, for lookups */
  wordSet: ReadonlySet<string>;
  /** short question words ("when", "what") whose near misses are read as them */
  questionWords: readonly string[];
}

/** Compiles validated language data. @throws Error naming a missing list or a pattern that does not compile */
export function compileLanguage(data: LanguageData): Language {
  const lists = new Map<string, PhraseSet>();
  for (const [name, entries] of Object.entries(data.lists)) lists.set(name, phraseSet(entries));
  const missing = REQUIRED_LISTS.filter((name) => !lists.has(name));
  if (missing.length > 0) throw new Error(`language: lists missing: ${missing.join(', ')}`);
  const vocabulary = languageWords(data);
  const commands = new Map<string, CommandType>();
  for (const [type, names] of Object.entries(data.commands)) {
    if (!(COMMAND_TYPES as readonly string[]).includes(type)) throw new Error(`language: unknown command "${type}"`);
    for (const name of names) commands.set(name.toLowerCase(), type as CommandType);
  }
  lists.set('command-word', phraseSet(commands.keys()));
  const compile = (source: string) => compilePattern(source, lists);
  return {
    noise: phraseSet(data.noise),
    openers: phraseSet(data.openers),
    acknowledgements: phraseSet(data.acknowledgements),
    lists,
    list: (name) => lists.get(name) as PhraseSet,
    kinds: data.kinds.map((k) => ({ kind: k.kind, patterns: k.patterns.map(compile) })),
    keyDates: {
      start: phraseSet(data['key-dates'].start),
      detected: phraseSet(data['key-dates'].detected),
      disclosed: phraseSet(data['key-dates'].disclosed),
      end: phraseSet(data['key-dates'].end),
    },
    huntPlatforms: Object.entries(data['hunt-platforms']).map(([format, words]) => ({
      format,
      words: phraseSet(words),
    })),
    nameSlots: { strong: data['name-slots'].strong.map(compile), weak: data['name-slots'].weak.map(compile) },
    frames: Object.entries(data.frames).map(([frame, patterns]) => ({ frame, patterns: patterns.map(compile) })),
    nameFillers: new Set(data['name-fillers'].map((w) => w.toLowerCase())),
    commands,
    shorthand: new Map(Object.entries(data.shorthand)),
    userAgentMarkers: data['user-agent-markers'].map((m) => m.toLowerCase()),
    indicatorTypes: Object.entries(data['indicator-types']).map(([type, words]) => ({ type, words: phraseSet(words) })),
    describedAs: Object.entries(data['described-as']).map(([name, descriptions]) => ({
      name,
      descriptions: phraseSet(descriptions.map((d) => d.replace(/-/g, ' '))),
    })),
    words: vocabulary,
    wordSet: new Set(vocabulary),
    questionWords: data.lists['question-word'] ?? [],
  };
}

/**
 * A language that reads nothing: what a knowledge base gets when its language file could not be read (the
 * loader reports that as an error, so only `validate` and tests ever see it).
 */
export const EMPTY_LANGUAGE: LanguageData = {
  noise: [],
  openers: [],
  acknowledgements: [],
  lists: Object.fromEntries(REQUIRED_LISTS.map((name) => [name, []])),
  'key-dates': { start: [], detected: [], disclosed: [], end: [] },
  kinds: [],
  commands: {},
  shorthand: {},
  'hunt-platforms': {},
  'name-slots': { strong: [], weak: [] },
  'name-fillers': [],
  frames: {},
  'user-agent-markers': [],
  'indicator-types': {},
  'described-as': {},
};

/** The command types chat words may name (`Command['type']` without free-text questions). */
export const COMMAND_TYPES = [
  'help',
  'timeline',
  'victims',
  'logging',
  'indicators',
  'actor',
  'technique',
  'status',
  'sources',
  'incidents',
  'digest',
  'hunt',
] as const satisfies readonly CommandType[];

/** Every plain word the language data uses (patterns' literal words, lists, key dates, commands). */
function languageWords(data: LanguageData): string[] {
  const out = new Set<string>();
  const add = (text: string) => {
    for (const w of text.toLowerCase().split(/[^a-z0-9-]+/)) if (w.length >= 2) out.add(w);
  };
  const addAll = (items: readonly string[]) => {
    for (const item of items) add(item);
  };
  addAll(data.noise);
  addAll(data.openers);
  addAll(data.acknowledgements);
  for (const entries of Object.values(data.lists)) addAll(entries);
  for (const entries of Object.values(data['key-dates'])) addAll(entries);
  for (const entries of Object.values(data.commands)) addAll(entries);
  for (const kind of data.kinds)
    for (const p of kind.patterns) add(p.replace(/@[\w-]+|\{name\}/g, ' ').replace(/_/g, ' '));
  return [...out];
}
