/**
 * The chat command words (CONTRACTS.md) and the other words people use for them. A near miss of a command word
 * ("timline", "vicitms") still selects it.
 */
import type { CommandType } from '../command.js';
import { editDistance } from '../search/edit-distance.js';
import { createNameIndex } from '../search/name-index.js';

export const COMMAND_WORDS: Record<string, CommandType> = {
  help: 'help',
  commands: 'help',
  usage: 'help',
  menu: 'help',
  timeline: 'timeline',
  timelines: 'timeline',
  chronology: 'timeline',
  events: 'timeline',
  victims: 'victims',
  victim: 'victims',
  targets: 'victims',
  logging: 'logging',
  logs: 'logging',
  log: 'logging',
  detection: 'logging',
  detections: 'logging',
  recommendations: 'logging',
  mitigations: 'logging',
  indicators: 'indicators',
  indicator: 'indicators',
  iocs: 'indicators',
  ioc: 'indicators',
  ips: 'indicators',
  actor: 'actor',
  attribution: 'actor',
  attacker: 'actor',
  technique: 'technique',
  techniques: 'technique',
  ttps: 'technique',
  status: 'status',
  overview: 'status',
  summary: 'status',
  sources: 'sources',
  source: 'sources',
  references: 'sources',
  citations: 'sources',
  incidents: 'incidents',
  breaches: 'incidents',
  digest: 'digest',
  digests: 'digest',
  hunt: 'hunt',
  hunting: 'hunt',
};

/** Commands whose words after the command word are arguments, not a question. */
export const TAKES_ARGUMENTS: ReadonlySet<CommandType> = new Set(['timeline', 'indicators', 'digest', 'help', 'hunt']);

const names = createNameIndex(
  Object.entries(COMMAND_WORDS).map(([name, value]) => ({ name, value })),
  0.4,
);

/** The command a first word names, forgiving one typo (two in words of six letters or more). */
export function commandWord(word: string): CommandType | undefined {
  const w = word.toLowerCase();
  const exact = COMMAND_WORDS[w];
  if (exact) return exact;
  if (w.length < 4 || !/^[a-z]+$/.test(w)) return undefined;
  // the command words never change: each word's fuzzy lookup is made once
  const known = fuzzyMemo.get(w);
  if (known !== undefined) return known ?? undefined;
  const found = fuzzyCommand(w);
  if (fuzzyMemo.size > 5000) fuzzyMemo.clear();
  fuzzyMemo.set(w, found ?? null);
  return found;
}

const fuzzyMemo = new Map<string, CommandType | null>();

function fuzzyCommand(w: string): CommandType | undefined {
  const max = w.length >= 6 ? 2 : 1;
  for (const match of names.search(w, 3)) {
    if (editDistance(w, match.name, max) <= max) return match.value;
  }
  return undefined;
}
