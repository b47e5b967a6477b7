/**
 * Who a write-up says did it. The actor comes from explicit statements only, never a guess, in this order: a sentence
 * of the attribution section that names someone ("attributed to X", "X pleaded guilty", "X claimed responsibility",
 * "an unnamed former contractor was responsible", "the prosecutor indicted three individuals"); that section saying
 * nobody is known; the front matter's final status saying the perpetrator is unknown; the narrative naming someone as
 * the one behind it, or speaking of "an unknown attacker". Names given as "also known as" become aliases.
 */
import type { Nodes, RootContent } from 'mdast';
import { cleanContent } from './md-clean.js';
import { balanceQuotes, sentencesOf } from './md-sentences.js';
import { textOf } from './md-tree.js';

/** The actor, with its aliases and the sentence that says so. */
export interface ActorReading {
  actor: string;
  aliases: string[];
  /** the sentence the actor was read from */
  sentence: string;
}

export const UNKNOWN_ACTOR = 'Unknown';

const NAME_WORD = "[A-Z0-9][\\w&'’-]*\\.?";
const NAME = `${NAME_WORD}(?:\\s+(?:${NAME_WORD}|of|de|la|van|von|bin|al|and))*`;
/** Phrases that name the actor right after them. */
const NAMED_AFTER = [
  'attributed (?:this attack |this |the attack |it )?to',
  '(?:placed|put|laid|lays|places) (?:the )?blame on',
  'designated (?:this threat actor|this actor|the actor|this group|them)(?: as)?',
  'claimed by',
  'identified (?:the )?(?:attackers?|perpetrators?|hackers?|intruders?) as',
].map((p) => new RegExp(`\\b${p}\\s+(?:the\\s+)?(${NAME})`));
/** "cites X as the person behind", "names X as the group responsible". */
const NAMED_AS = new RegExp(
  `\\b(?:cites|cited|names|named|identifies|identified)\\s+(${NAME})\\s+as\\s+(?:the\\s+)?(?:person|people|group|actor|attacker|perpetrator|one)s?\\s+(?:behind|responsible)`,
);
/** Verb phrases whose subject is the actor. */
const SUBJECT_OF = new RegExp(
  [
    'claimed responsibility',
    '(?:has |have )?(?:pleaded|pled|plead|pleads) guilty',
    '(?:was|were|has been|have been) (?:\\w+ )?(?:indicted|charged|convicted|arrested)',
    '(?:is|was|are|were) (?:the )?(?:person|people|one|group|actor)s? (?:behind|responsible)',
    '(?:was|were) responsible',
  ]
    .map((p) => `\\s${p}\\b`)
    .join('|'),
);
const APPOSITIVE = /,?\s+(?:also|otherwise) known as\s+([^,.;]+),?\s*$/;
const ALSO_KNOWN = /\b(?:also|otherwise) known as\s+([^.;:]+?)(?=[.;:]|,\s+(?:which|who|this|a|an|the)\b|$)/;
const ROLE =
  /(?:^|\s)((?:an?|the)\s+(?:[a-z-]+\s+){0,3}(?:contractor|employee|engineer|insider|individual|person|hacker|attacker|actor|group|developer|administrator|worker|researcher))\s*$/;
const COUNT_WORDS = 'two|three|four|five|six|seven|eight|nine|ten|\\d+';
const PEOPLE = 'individuals|people|men|women|persons|suspects|hackers|defendants';
const INDICTED_COUNT = new RegExp(
  `(?:^|[\\s,])(?:[Tt]he\\s+)?([A-Z][\\w.]*(?:\\s+[A-Z][\\w.]*)*|[a-z]+)\\s+(?:has |have |had )?(indicted|charged|arrested|convicted)\\s+(${COUNT_WORDS})\\s+(${PEOPLE})\\b`,
);
const UNKNOWN_PHRASES = [
  'no known attribution',
  'not (?:been )?identified',
  '(?:remains?|remained|is|are|was|were) (?:still )?unknown',
  'no disclosure has been made',
  'no one has (?:ever )?been identified',
  'never (?:been )?(?:named|identified)',
  'not (?:been )?named',
  'unidentified',
];
const UNKNOWN = new RegExp(`^\\W*unknown\\W*$|\\b(?:${UNKNOWN_PHRASES.join('|')})\\b`, 'i');
const UNKNOWN_IN_NARRATIVE =
  /\b(?:an?|the)\s+(?:unknown|unidentified)\s+(?:attacker|threat actor|party|parties|hacker|perpetrator|actor|intruder)/i;
const STATUS_UNKNOWN = /\b(?:perpetrator|threat actor|attacker|actor|hacker)s?(?:'s)?\s+(?:is\s+|are\s+)?unknown\b/i;
const TRAILING_NAME = new RegExp(`(${NAME})\\s*["“”']?$`);

/** The text spans a writer emphasised (`_Name_`, `**Name**`), where names often are. */
function emphasised(nodes: readonly RootContent[]): string[] {
  const out: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'strong' || node.type === 'emphasis') out.push(textOf(node));
    else if (node.type !== 'delete' && 'children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  for (const node of nodes) walk(node as Nodes);
  return out.filter((t) => t.length >= 2 && t.length <= 60);
}

function tidyName(name: string): string {
  return name
    .replace(/\s+(?:and|of|de|la|van|von|bin|al)$/i, '')
    .replace(/(?<![A-Z])\.$/, '')
    .trim();
}

function aliasesIn(sentence: string, actor: string): string[] {
  const list = ALSO_KNOWN.exec(sentence)?.[1];
  if (!list) return [];
  return list
    .split(/,\s*|\s+or\s+|\s+and\s+/)
    .map((a) => tidyName(a.replace(/^(?:the|as)\s+/i, '')))
    .filter((a) => a.length >= 2 && a.toLowerCase() !== actor.toLowerCase() && /^[A-Z0-9]/.test(a));
}

/** The subject right before a verb: an emphasised span, a capitalised name, or a role ("an unnamed contractor"). */
function subjectBefore(before: string, emphasis: readonly string[]): string | undefined {
  const pre = before.replace(APPOSITIVE, '').trim();
  const marked = emphasis.find((e) => pre.endsWith(e));
  if (marked) return marked;
  const named = TRAILING_NAME.exec(pre)?.[1];
  if (named && !/^(?:The|A|An|This|That|They|He|She|It|We)$/.test(named)) return tidyName(named);
  const role = ROLE.exec(pre)?.[1];
  return role ? role.charAt(0).toUpperCase() + role.slice(1) : undefined;
}

/** The actor one sentence names, if it names one. */
function namedIn(sentence: string, emphasis: readonly string[]): string | undefined {
  for (const pattern of NAMED_AFTER) {
    const name = pattern.exec(sentence)?.[1];
    if (name) return tidyName(name);
  }
  const cited = NAMED_AS.exec(sentence)?.[1];
  if (cited) return tidyName(cited);
  const counted = INDICTED_COUNT.exec(sentence);
  if (counted) {
    const [, by, verb, count, people] = counted as unknown as [string, string, string, string, string];
    const head = `${count.charAt(0).toUpperCase()}${count.slice(1)} ${people}`;
    return `${head} ${verb} by the ${by.replace(/^The\s+/, '')}`;
  }
  const verb = SUBJECT_OF.exec(sentence);
  return verb ? subjectBefore(sentence.slice(0, verb.index), emphasis) : undefined;
}

/** The sentences of some blocks, without struck-through text, placeholders or asides. */
function sentencesIn(nodes: readonly RootContent[]): string[] {
  return nodes
    .filter((n) => n.type === 'paragraph' || n.type === 'blockquote' || n.type === 'list')
    .flatMap((n) => sentencesOf(cleanContent(textOf(n as Nodes))));
}

function firstNamed(sentences: readonly string[], emphasis: readonly string[]): ActorReading | undefined {
  for (const sentence of sentences) {
    const actor = namedIn(sentence, emphasis);
    if (actor) return { actor, aliases: aliasesIn(sentence, actor), sentence: balanceQuotes(sentence) };
  }
  return undefined;
}

/**
 * Reads the actor from the attribution section, the final status and the narrative, in that order; `undefined`
 * when none of them says anything about who did it.
 */
export function readActor(
  attribution: readonly RootContent[],
  status: string | undefined,
  narrative: readonly RootContent[],
): ActorReading | undefined {
  const sentences = sentencesIn(attribution);
  const named = firstNamed(sentences, emphasised(attribution));
  if (named) return named;
  const unknown = sentences.find((s) => UNKNOWN.test(s));
  if (unknown) return { actor: UNKNOWN_ACTOR, aliases: [], sentence: balanceQuotes(unknown) };
  if (status && STATUS_UNKNOWN.test(status)) return { actor: UNKNOWN_ACTOR, aliases: [], sentence: status };
  const story = sentencesIn(narrative);
  const behind = story.find(
    (s) => NAMED_AS.test(s) || /\s(?:is|was|are|were) the (?:person|people)s? behind\b/.test(s),
  );
  const narrated = behind ? firstNamed([behind], emphasised(narrative)) : undefined;
  if (narrated) return narrated;
  const vague = story.find((s) => UNKNOWN_IN_NARRATIVE.test(s));
  return vague ? { actor: UNKNOWN_ACTOR, aliases: [], sentence: balanceQuotes(vague) } : undefined;
}
