/**
 * Intent rules for free-text questions, read before any search: "when did X" wants a dated event, "how long"
 * a duration, "was X affected" a victim, an IP or a 40-hex thumbprint an indicator lookup, "what happened in
 * July 2023" a timeline filter, "what is X" a glossary term. Verbs are told from nouns: "did they link X to Y" is
 * not a request for source links, "what is X doing" not a definition. Questions no rule claims go to search.
 */
import type { DateRange } from '../command.js';
import { findDateRange } from '../dates/date-phrases.js';
import { yearForMonth } from '../dates/year-for-month.js';
import type { Incident } from '../model.js';
import { findIpv4s, refang } from '../search/defang.js';

export type ListIntent =
  | 'victims'
  | 'logging'
  | 'actor'
  | 'technique'
  | 'aftermath'
  | 'status'
  | 'sources'
  | 'indicators';

export type Route =
  | { intent: 'help' }
  | { intent: 'incidents' }
  | { intent: 'glossary-list' }
  | { intent: 'indicator-lookup'; query: string }
  | { intent: 'duration' }
  | { intent: 'when' }
  | { intent: 'timeline'; range?: DateRange; words?: string }
  | { intent: 'define'; subject: string }
  | { intent: 'victim-check'; subject: string }
  | { intent: 'who-is'; subject: string }
  | { intent: 'figures' }
  | { intent: 'summary' }
  | { intent: 'list'; list: ListIntent }
  | { intent: 'search' };

const LEADING_FILLER =
  /^(?:(?:hi|hey|hello|yo|ok|okay|so|um|uh|hmm|please|pls|plz|quick question|question|q|bot|breachbot|hey there|good (?:morning|afternoon|evening)|thanks|thank you|can you tell me|could you tell me|can you|could you|would you|tell me|do you know|does anyone know|i want to know|i would like to know|id like to know|i wonder|i was wondering|i need to know|any idea|just curious|curious|btw|and|also|but|then|now|ok so|right)\b[\s,:;!.-]*)+/;

/** Removes greetings and "can you tell me" from the front of a question. */
export function stripFiller(text: string): string {
  return text.replace(LEADING_FILLER, '').trim();
}

const HELP_ONLY =
  /^(help|help me|commands|menu|usage|options|what can (you|i) (do|ask)( you)?|what do you (do|know)|how (do|does) (this|it|you) work|how do i use (this|you|it)|who are you|what are you|hi|hello|hey|thanks|thank you|thx|ty|cheers|great|cool|nice|awesome|ok|okay|got it|perfect|start|get started|\?)$/;
/** "thanks, that's helpful": a short acknowledgement */
const THANKS = /^(thanks|thank you|thx|ty|cheers|great|cool|nice|awesome|perfect|ok|okay|got it)\b(\s+\S+){0,4}$/;
const INCIDENTS =
  /\b(which|what|other|list|all|more|any)\b.*\b(incidents|breaches|cases|write ?ups|writeups)\b|^(list )?(incidents|breaches)$/;
const GLOSSARY_LIST = /^(glossary|terms|definitions|jargon|acronyms|list (of )?(terms|definitions|acronyms))$/;
const DURATION =
  /\bhow long\b|\bhow many (days|weeks|months|hours|years)\b|\bdwell time\b|\btime to (detect|detection|discover|disclose|disclosure|contain|containment|respond|notify)\b|\bhow (quickly|fast|soon)\b|\bhow much time\b|\bduration\b/;
const WHEN =
  /^(when|what date|which date|what day|on what (date|day)|what time (did|was|were|do|does)|date of|dates? of|what year|which year|what month|which month)\b|\bwhen (did|was|were|is|has|had|do|does|exactly)\b|\b(what|which) (date|day|month|year) (did|was|were)\b|\b(disclosure|discovery|detection|announcement|notification|start|end|breach|incident|attack|hack|intrusion) dates?$/;
const HAPPENED =
  /\b(happen\w*|events?|timeline|going on|go on|goes on|went on|occur\w*|news|took place|anything|something|what was|what did|what were|what else|activity|developments?)\b/;
/** the same words, every one of them: "did anything happen" loses both */
const HAPPENED_ALL = new RegExp(HAPPENED.source, 'g');
const DEFINE =
  /^(?:what is|whats|what are|what r|what s|whats an?|define|definition of|meaning of|explain|what does|what do|who or what is|what exactly is|what the heck is|wtf is)\s+(.+?)(?:\s+(?:mean|means|stand for|stands for))?$/;
const VICTIM_CHECK =
  /^(?:was|were|is|are|did|has|have|had)\s+(.+?)\s+(?:also\s+|actually\s+|really\s+|even\s+)?(?:get\s+|got\s+|been\s+)?(affected|hacked|breached|compromised|targeted|hit|impacted|a victim|victims?|among (?:the )?(?:victims|targets|affected)|accessed|involved|exposed|pwned|owned|attacked|spied on|read|one of the victims|on the list)\b/;
const DID_THEY =
  /^did (?:they|storm-?0558|storm 0558|china|the (?:\S+ )?\S+)\s+(?:hack|breach|compromise|target|access|read|attack|get into|spy on|steal from)\s+(.+)$/;
const WHO_IS = /^(?:who (?:is|was|s|are|were)|whos)\s+(.+)$/;
const FIGURES = /\bhow (many|much)\b|\b(number|count|total|amount) of\b|\bhow big\b|\bscale of\b/;
const SUMMARY =
  /^(what happened|what happened here|what is (this|it)( about)?|whats (this|it) about|what was (this|it|the (incident|attack|breach|hack|intrusion))( about)?|summary|summari[sz]e( (this|it))?|tldr|tl dr|overview|recap|explain (this|it)|give me (a|the) (summary|overview|rundown)|the gist|gist|what is going on)$/;

/** "gimme the tl;dr on storm-0558", "quick overview of this incident": an overview request naming what it is about. */
const SUMMARY_OF =
  /^(?:(?:gimme|give me|get me|send me|show me|i want|i need|need|want|(?:can|could|may) i (?:get|have|see)|(?:lemme|let me) (?:get|have|see)|got)\s+)?(?:(?:a|an|the|quick|short|brief|high level|high-level|5 second|one line|one-line)\s+)*(?:tl ?dr|summary|overview|recap|rundown|run down|gist|synopsis|nutshell|executive summary|exec summary)\s+(?:on|of|for|about|re|regarding)\s+(.+)$/;
/** What an overview may be "of" without naming the incident. */
const THIS_INCIDENT =
  /^(?:this|it|that|the|this one|the (?:incident|attack|breach|hack|intrusion|campaign|whole thing|thing|story))$|^(?:this|the|that) (?:incident|attack|breach|hack|intrusion|campaign|case|thing|whole thing|mess|story)$/;

/** True when the words name the incident itself: "this incident", its id, an alias or its actor. */
function namesIncident(words: string, incident: Incident | undefined): boolean {
  const w = words
    .replace(/^(?:the|this|that)\s+/, '')
    .replace(/\s+(?:incident|attack|breach|hack|intrusion|campaign)$/, '');
  if (THIS_INCIDENT.test(words) || THIS_INCIDENT.test(w)) return true;
  if (!incident) return false;
  const plain = (x: string) => x.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const names = [incident.id, ...incident.aliases, incident.title];
  if (incident.attribution) names.push(incident.attribution.actor, ...incident.attribution.aliases);
  return names.some((n) => plain(n) === plain(w));
}

/** Words that make the "link" after them a noun: "the links", "source links", "do you have links", "give me links". */
const LINK_NOUN_BEFORE =
  /(?<!\b(?:the|a|an|any|some|no|all|more|few|couple|other|your|my|our|their|his|her|its|those|these|this|that|source|sources|reference|useful|helpful|good|relevant|official|original|primary|direct|further|additional|extra|article|report|blog|news|press|advisory|web|doc|docs|paper|url|have|has|had|got|share|send|give|post|provide|show|find|get|need|want|me|us|of|for|with|and|or)\s)/
    .source;
/** The bare verb ("link", "ties"…) unless a request word follows it: "links to the reports", "links please". */
const BARE_VERB = /(?:link|links|tie|ties|connect|connects)\b(?!\s+(?:to|for|of|on|about|from|please|pls)\b)/.source;

/**
 * "link", "tie" and "connect" used as verbs ("did microsoft link pay to security", "microsoft links bonuses to
 * SFI", "is china tied to this", "who connected storm-0558 to china") or as a relation between two things ("the
 * link between the crash dump and the key"): a question about how things relate, never a request for source links.
 * Inflected forms (linked, tying, connected…) are always verbs; a bare "link"/"links"/"tie"/"connect" is one when
 * a subject or helper word comes before it, or when it takes an object followed by "to"/"with".
 */
const RELATION_VERB = new RegExp(
  [
    // linked, linking, tied, tying, connected, connecting: always verbs or participles
    /\b(?:linked|linking|tied|tying|connected|connecting)\b/.source,
    // a helper up to four words before: "did microsoft link", "does the csrb tie"
    `\\b(?:did|does|do|didnt|doesnt|dont|will|would|can|could|should|might|may)\\s+(?:\\S+\\s+){0,3}?${LINK_NOUN_BEFORE}\\b${BARE_VERB}`,
    // a subject or adverb just before: "to link", "microsoft links", "they tie", "publicly link"
    `\\b(?:to|not|ever|also|publicly|officially|formally|directly|explicitly|they|it|he|she|we|who|microsoft|msft|cisa|csrb|investigators|researchers|officials)\\s+${BARE_VERB}`,
    // the bare verb taking an object, then "to"/"with": "link executive pay to security"
    `${LINK_NOUN_BEFORE}\\b(?:link|links|tie|ties|connect|connects)\\s+(?!(?:to|for|of|on|about|from|please|pls|i|you|we|me|that|which|with)\\b)(?:\\S+\\s+){0,4}?(?:to|with)\\b`,
    // a relation between two things: "the link between", "any ties between"
    /\b(?:link|links|ties|connection|connections|relationship|relation)\s+(?:between|among)\b/.source,
  ].join('|'),
  'g',
);

/** The text with every relation verb ("linked to", "did X link", "link between") blanked out. */
function withoutRelationVerbs(text: string): string {
  return text.replace(RELATION_VERB, ' ');
}

/** True when the text uses "link", "tie" or "connect" as a verb or relation, not as a noun for a web link. */
export function hasRelationVerb(text: string): boolean {
  RELATION_VERB.lastIndex = 0;
  const found = RELATION_VERB.test(text);
  RELATION_VERB.lastIndex = 0;
  return found;
}

/**
 * Words after "what is" that make a clause about someone's actions, not a term to define: "what is cisa doing
 * with the cloud providers", "what is microsoft planning", "what is cisa going to do", "what does the csrb plan to
 * do", "what are they working on". Needs at least one word (the subject) before the verb, so "what is token
 * signing" and "what is audit logging" stay definitions.
 */
const ACTION_CLAUSE = new RegExp(
  [
    // a progressive verb that is an action whatever follows it
    /^(?:\S+\s+){1,5}?(?:doing|planning|saying|asking|telling|proposing|recommending|requiring|demanding|changing|expecting|pushing|building|hiding|fixing|investigating|considering|preparing|hoping|seeking|trying|going|working|negotiating|discussing|reviewing|pursuing|urging|mandating|announcing|promising|committing|offering|withholding|refusing)\b/
      .source,
    // plans, intentions and obligations: "plan to do", "supposed to fix", "gonna", "up to"
    /^(?:\S+\s+){1,5}?(?:(?:plan|plans|planned|intend|intends|intended|want|wants|wanted|need|needs|have|has|had|hope|hopes|try|tries|expect|expects|expected|supposed|required|asked|meant|about|going)\s+to\s+\S+|gonna|up to)\b/
      .source,
    // any other progressive verb followed by its object or a time word: "… rolling out to", "… pushing for"
    /^(?:\S+\s+){1,5}?\S+ing\s+(?:with|about|to|on|after|against|toward|towards|regarding|since|now|next|instead|today|anymore|differently|right now|so far|at the moment|these days|in response)\b/
      .source,
    // "what does microsoft do about it", "what does cisa do after the report"
    /^(?:\S+\s+){1,5}?(?:do|does|did|done)\s+(?:about|with|after|next|now|since|differently|instead)\b/.source,
  ].join('|'),
);

/** True when the words after "what is" describe what someone is doing or plans, or how things relate. */
export function isActionClause(subject: string): boolean {
  return ACTION_CLAUSE.test(subject) || hasRelationVerb(subject);
}

/** "how did they get into X", "how was X breached": how the incident worked, whatever the target. */
export const HOW_GOT_IN =
  /\bhow (did|do|could|would) \S+( \S+){0,3} (get|got|break|broke|gain\w*) (in|into|access)\b|\bhow (did|could|would) \S+( \S+){0,2} (hack|breach|compromise|penetrate|infiltrate|pwn)\b|\bhow (was|were) \S+( \S+){0,3} (hacked|breached|compromised|penetrated|infiltrated|pwned|accessed)\b/;

const LISTS: Array<[ListIntent, RegExp]> = [
  [
    'actor',
    /\b(whos|who s) (behind|responsible)\b|\bwho (did (it|this|that)|was behind|is behind|were behind|are behind|s behind|is responsible|was responsible|were responsible|(hacked|breached|attacked|compromised|broke into|pwned|hit|targeted) (?!by\b)\S+|attacked|carried (it |this )?out|perpetrated|conducted|are the (attackers|hackers)|were the (attackers|hackers)|was it|is it)\b|\b(threat actor|attribution|attributed|nation[- ]state|which (group|actor|country|nation|apt|hackers?)|what (group|actor|country|apt|kind of hackers?)|(is|was) it china|china behind|chinese hackers|behind (it|this|the (attack|hack|breach|intrusion)))\b|^(actor|attacker|attackers|hackers?|culprit|perpetrator|who did it)$|\b(actor|group|attackers?|hackers?|apt)\b.*\b(other names?|aliases|aka|also known as|called now|new name|renamed)\b|\b(other names?|aliases|aka|also known as)\b.*\b(actor|group|attackers?|hackers?|storm-?0558)\b|^(who|what)\b.*\b(also known as|aka|go by|goes by|other names?|aliases)\b/,
  ],
  [
    'victims',
    /\bwho (was|were|got|has been|have been|else was|else got|is|are|did they)\s+(affected|hacked|breached|compromised|targeted|hit|impacted|the victims?|victims?|attacked|spied on|hack|target)\b|\b(which|what) (organi[sz]ations?|orgs|agencies|companies|departments|people|persons|individuals|accounts|governments?|customers|entities|victims|targets|officials|countries|nations|regions)\b|\bvictims?\b|\b(affected|targeted|impacted|compromised) (organi[sz]ations?|orgs|agencies|accounts|parties|people|entities|customers)\b|\bwho (did they|did it) (hack|target)\b/,
  ],
  [
    'logging',
    /\b(logs?|logging|audit\w*|recommend\w*|mitigat\w*|protect\w*|defend\w*|prevent\w*|harden\w*|best practices?|guidance|advice|hunt\w*|kql|siem|sentinel|splunk|detection rules?|alert rules?)\b|\bwhat (should|can|could|must) (we|i|orgs?|organi[sz]ations?|companies|customers|admins?|defenders) (do|enable|turn on|switch on|log|monitor|watch|collect|alert on|look for)\b|\bhow (do|can|could|should|would|might) (i|we|you|one|orgs?|organi[sz]ations?|companies|customers|admins?|defenders) (detect|find|spot|check|tell|know|see|look|catch|identify|monitor|protect|prevent|defend|mitigate|stop|avoid)\b|\b(am i|are we|were we|was i) (affected|vulnerable|at risk|exposed|hit|compromised)\b|\bwhat to (look for|monitor|log|check)\b/,
  ],
  [
    'aftermath',
    /\b(afterwards?|aftermath|since then|consequences?|fallout|repercussions?|what changed|what has changed|what happened (next|after\w*|since|then)|in response|response to|what (did|has|have) \S+( \S+)? (do|done|change\w*|fix\w*|improv\w*)( since| after\w*| about it)?$|lessons? learn\w*)\b/,
  ],
  [
    'technique',
    new RegExp(
      `${HOW_GOT_IN.source}|${/\b(technique|techniques|ttps?|attack vector|vector|root cause|initial access|how it worked|modus operandi|kill chain|attack chain|attack path|mechanism)\b|\bhow (did|was|were|could|do|does|is) (they|it|the attackers?|the hackers?|the actor|storm-?0558|storm 0558|this|that|someone|the (attack|intrusion|breach|hack|compromise|key|token|tokens))\b(?!.*\b(detect\w*|discover\w*|found|find|notic\w*|caught|spott\w*|disclos\w*|announc\w*|report\w*)\b)/.source}`,
    ),
  ],
  [
    'indicators',
    /\b(iocs?|indicators?( of compromise)?|ip addresses|ips|thumbprints?|user[- ]?agents?|jarm|hashes|proxies|softether|web panels?|infrastructure)\b|\b(panel|server|proxy|replay) (addresses|ips)\b/,
  ],
  [
    'status',
    /\b(status|is it (over|still|ongoing|resolved|fixed|contained|done|finished)|still (ongoing|active|happening|going on)|current (state|situation)|where (do )?things stand|resolved|outcome|latest|updates?|news|whats new|anything new)\b/,
  ],
  [
    'sources',
    /\b(sources?|references?|citations?|cite|links?|further reading|read more|learn more|more info|articles?|blog posts?|where (does|did|do) (this|that|the|your) (info|information|data|facts?) come from|how do you know|where did you get|where can i (read|find|learn|get))\b/,
  ],
];

const INDICATOR_VALUE =
  /\b[0-9a-f]{32,64}\b|client=|mozilla\/|chrome\/\d|edg\/\d|applewebkit|not-a\.brand|\bjarm\b.*\b[0-9a-f]{20,}/i;

/** Picks the route for a free-text question (lower-cased, corrected words) and its raw text. */
export function classify(text: string, raw: string, incident: Incident | undefined): Route {
  const t = spelledOut(stripFiller(text), raw);
  if (t === '' || HELP_ONLY.test(t) || THANKS.test(text.trim())) return { intent: 'help' };
  const plain = refang(raw);
  if (findIpv4s(plain).length > 0 || INDICATOR_VALUE.test(plain)) return { intent: 'indicator-lookup', query: plain };
  if (GLOSSARY_LIST.test(t)) return { intent: 'glossary-list' };
  if (INCIDENTS.test(t)) return { intent: 'incidents' };
  if (SUMMARY.test(t)) return { intent: 'summary' };
  const overviewOf = SUMMARY_OF.exec(t)?.[1];
  if (overviewOf && namesIncident(overviewOf, incident)) return { intent: 'summary' };
  if (DURATION.test(t)) return { intent: 'duration' };
  if (WHEN.test(t)) return { intent: 'when' };
  const relative = incident ? relativeToKeyDate(t, incident) : undefined;
  if (relative) return { intent: 'timeline', range: relative };
  const date = findDateRange(t, { yearForMonth: incident ? yearForMonth(incident) : undefined });
  if (date) {
    const rest = t.replace(date.matched, ' ').replace(/\s+/g, ' ').trim();
    if (HAPPENED.test(rest) || rest.split(' ').length <= 2) {
      const words = rest
        .replace(HAPPENED_ALL, ' ')
        .replace(
          /\b(what|in|on|during|from|the|of|for|show|me|list|all|there|were|was|any|did|do|does|has|have|had|happened|timeline|else|at all)\b/g,
          ' ',
        )
        .replace(/\s+/g, ' ')
        .trim();
      return { intent: 'timeline', range: date.range, ...(words !== '' ? { words } : {}) };
    }
  }
  const victim = DID_THEY.exec(t) ?? VICTIM_CHECK.exec(t);
  if (victim?.[1]) return { intent: 'victim-check', subject: victim[1] };
  const define = DEFINE.exec(t);
  if (define?.[1] && !/^(was|were|did|happened|happening)\b/.test(define[1]) && !isActionClause(define[1]))
    return { intent: 'define', subject: define[1] };
  const who = WHO_IS.exec(t);
  if (who?.[1] && !LISTS[0]?.[1].test(t) && !LISTS[1]?.[1].test(t)) return { intent: 'who-is', subject: who[1] };
  if (FIGURES.test(t)) {
    // "how many IPs are in the IOCs" counts indicators, not victims
    if (LISTS.find(([name]) => name === 'indicators')?.[1].test(t)) return { intent: 'list', list: 'indicators' };
    return { intent: 'figures' };
  }
  for (const [list, re] of LISTS) {
    // "did microsoft link pay to security": "link" there is a verb, not a request for source links
    if (re.test(list === 'sources' ? withoutRelationVerbs(t) : t)) return { intent: 'list', list };
  }
  return { intent: 'search' };
}

/**
 * "what's cisa?": the words lose the "'s" ("what cisa"), so a short question that had the contraction is read as
 * "what is cisa" again (a definition, or "what is going on", "what is this about").
 */
function spelledOut(text: string, raw: string): string {
  if (!/^what\s/.test(text) || !/\bwhat\s*['’`]\s*s\b/i.test(raw)) return text;
  const rest = text.slice(5);
  if (/^(is|are|was|were|s|does|do|did)\b/.test(rest) || rest.split(' ').length > 3) return text;
  return `what is ${rest}`;
}

const KEY_DATE_NOUNS: Array<[RegExp, keyof Incident['dates']]> = [
  [/^(the )?(disclosure|announcement|public disclosure|it (was|went) public|microsoft disclosed it)$/, 'disclosed'],
  [/^(the )?(detection|discovery|it was (detected|discovered|found))$/, 'detected'],
  [/^(the )?(start|beginning|attack began|intrusion began|first access|attack|intrusion|breach|hack)$/, 'start'],
];

/** "what happened after the disclosure", "events before the detection": a range from one of the key dates. */
function relativeToKeyDate(text: string, incident: Incident): DateRange | undefined {
  const m = /\b(before|after|since|prior to|following|until)\s+(.+?)\s*$/.exec(text);
  if (!m?.[1] || !m[2] || !HAPPENED.test(text.slice(0, m.index))) return undefined;
  const key = KEY_DATE_NOUNS.find(([re]) => re.test(m[2] as string))?.[1];
  const date = key ? incident.dates[key] : undefined;
  if (!date) return undefined;
  const day = (iso: string, delta: number) =>
    new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);
  const label = `${m[1]} the ${key === 'disclosed' ? 'disclosure' : key === 'detected' ? 'detection' : 'start'} (${date})`;
  if (m[1] === 'before' || m[1] === 'prior to' || m[1] === 'until') {
    return { from: '1900-01-01', to: day(date, m[1] === 'until' ? 0 : -1), label };
  }
  return { from: m[1] === 'since' ? date.slice(0, 10) : day(date, 1), to: '2199-12-31', label };
}

/** The list intent a single word or phrase names ("status", "the iocs"), for "what is the status". */
export function listIntentOf(subject: string): ListIntent | 'timeline' | undefined {
  const s = subject.replace(/^(the|a|an)\s+/, '').trim();
  if (/^(timeline|chronology|sequence of events)$/.test(s)) return 'timeline';
  if (/^(status|current status|outcome|situation)$/.test(s)) return 'status';
  if (/^(iocs?|indicators?|indicators of compromise|ips|ip addresses)$/.test(s)) return 'indicators';
  if (/^(recommendations?|mitigations?|logging|logs|detections?|advice|guidance)$/.test(s)) return 'logging';
  if (/^(victims?|targets?)$/.test(s)) return 'victims';
  if (/^(technique|techniques|ttps?|attack vector|method|root cause)$/.test(s)) return 'technique';
  if (/^(aftermath|consequences|fallout|response)$/.test(s)) return 'aftermath';
  if (/^(actor|threat actor|attacker|attribution)$/.test(s)) return 'actor';
  if (/^(sources?|references?)$/.test(s)) return 'sources';
  return undefined;
}
