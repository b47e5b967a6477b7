/**
 * The one-paragraph answer to "how did the intruders get access": the sentences of the synopsis and the details that describe the
 * mechanism (an attacker doing something, or the victim being breached through something), the most specific first
 * picked, then put back in the order the write-up tells them. Background ("X provides a platform for …") is left to
 * the detail statements.
 */
import { balanceQuotes, sentencesOf } from './md-sentences.js';

/** Who acts in a mechanism sentence. */
const ATTACKER =
  /\b(?:attackers?|threat actors?|hackers?|perpetrators?|intruders?|adversary|adversaries|(?:the|malicious) actor|unknown part(?:y|ies)|former (?:contractor|engineer|employee))\b/i;
/** What they do. */
const INTRUSION =
  /\b(?:gain(?:ed|ing|s)? access|access(?:ed|ing)?|compromis\w*|exploit\w*|breached (?:through|via|by|using)|phish\w*|st[oe]le\w*|obtain\w*|leverag\w*|us(?:ed|ing) (?:the |an? |his |her |their |stolen |compromised )?(?:\w+ ){0,2}(?:keys?|credentials?|tokens?|passwords?)|found|harvest\w*|forg\w*|pivot\w*|exfiltrat\w*|deleted|downloaded|copied|implant\w*|captur\w*|drain\w*|transferr?\w*)\b/i;
/** Words that name a technique; the more a sentence names, the more it says about how. */
const TECHNIQUE_TERMS = [
  /\bphish\w*/i,
  /\bsocial engineering\b/i,
  /\bdeep-?fake\w*/i,
  /\bvoice\b/i,
  /\bcredential[- ]stuffing\b/i,
  /\bpassword spray\w*/i,
  /\bkeylogger\w*/i,
  /\bmalware\b/i,
  /\bremote code execution\b/i,
  /\bvulnerab\w*/i,
  /\bCVE-\d+/,
  /\bexploit\w*/i,
  /\bmisconfigur\w*/i,
  /\bSSRF\b|\bserver-side request forgery\b/i,
  /\binjection\b/i,
  /\bhard-?coded\b|\bembedded\b|\bcleartext\b|\bplain ?text\b/i,
  /\baccess keys?\b|\bAPI keys?\b|\bsigning keys?\b/i,
  /\broot (?:credentials|account)\b/i,
  /\btokens?\b/i,
  /\bsessions?\b/i,
  /\bMFA\b|\bmulti-?factor\b|\b2FA\b/i,
  /\bTOTP\b|\bone[- ]time pass\w+|\bOTP seeds?\b/i,
  /\bOAuth\b/i,
  /\bmetadata service\b|\bIMDS\w*/i,
  /\bcrash dump\b/i,
  /\bbackdoor\w*/i,
  /\bpersistence\b/i,
  /\bIAM (?:users?|roles?)\b/i,
  /\bpublic (?:repositor\w+|buckets?|GitHub)\b|\bexposed\b/i,
  /\bsync\w*/i,
  /\bfake\b/i,
  /\bstolen\b|\breus\w+\b/i,
  /\bcredentials?\b/i,
  /\bvalidation (?:error|flaw|bug)s?\b|\bflaws?\b/i,
];
const PASSIVE_BREACH =
  /\bwas (?:breached|compromised|hacked|phished|spear[- ]phished|tricked|targeted) (?:through|via|by|using|to|with)\b/i;
/** Sentences sharing this share of their words with one already picked repeat it. */
const SIMILAR = 0.6;
export const SUMMARY_SENTENCES = 4;
/** A sentence where no one acts tells how only when it names this many technique terms (and gets no point for an
 * actor). */
const CONDITION_TERMS = 2;
const SUMMARY_MAX = 800;

/** What could have happened, or was once thought to have, is not what happened. */
const HYPOTHETICAL = /\b(?:could|might|may|would) have\b|\b(?:most probable|probably|theori[sz]ed|hypothes\w+)\b/i;

function scoreOf(sentence: string): number {
  if (HYPOTHETICAL.test(sentence)) return 0;
  const mechanism = (ATTACKER.test(sentence) && INTRUSION.test(sentence)) || PASSIVE_BREACH.test(sentence);
  const terms = TECHNIQUE_TERMS.filter((t) => t.test(sentence)).length;
  // "the authenticator app syncs the MFA seeds to the cloud": no one acts, but the weakness that let them in is told
  if (!mechanism) return terms >= CONDITION_TERMS ? terms : 0;
  return 1 + terms;
}

/** Content words (four letters or more) a sentence uses. */
const wordsOf = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]{4,}/g) ?? []);
/** Words of a multi-word actor that stand for it on their own ("Ramesh" for "Sudhish Kasaba Ramesh"). */
const NOT_NAME_WORDS = new Set(['Three', 'Unknown', 'Not', 'The', 'An', 'Two', 'Four', 'Five']);
const actorWords = (actor: string | undefined) =>
  (actor?.match(/\b[A-Z][a-z]{3,}\b/g) ?? []).filter((w) => !NOT_NAME_WORDS.has(w));

function similar(a: string, b: string): boolean {
  const x = wordsOf(a);
  const y = wordsOf(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.max(1, Math.min(x.size, y.size)) >= SIMILAR;
}

/**
 * Up to three mechanism sentences from the texts (most specific first chosen, told in the write-up's order), or
 * `undefined` when no sentence describes how.
 */
export function techniqueSummary(texts: readonly string[], actor?: string): string | undefined {
  const sentences = texts.flatMap((t) => sentencesOf(t));
  const names = actorWords(actor);
  const withActor = (s: string) => (names.some((n) => new RegExp(`\\b${n}\\b`).test(s)) ? `the attacker ${s}` : s);
  const scored = sentences
    .map((sentence, at) => ({ sentence, at, score: scoreOf(withActor(sentence)) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.at - b.at);
  const picked: typeof scored = [];
  let length = 0;
  for (const candidate of scored) {
    if (picked.length >= SUMMARY_SENTENCES) break;
    if (picked.some((p) => similar(p.sentence, candidate.sentence))) continue;
    if (length + candidate.sentence.length > SUMMARY_MAX && picked.length > 0) continue;
    picked.push(candidate);
    length += candidate.sentence.length + 1;
  }
  if (picked.length === 0) return undefined;
  return picked
    .sort((a, b) => a.at - b.at)
    .map((p) => balanceQuotes(p.sentence))
    .join(' ');
}
