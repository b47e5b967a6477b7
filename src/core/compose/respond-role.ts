/**
 * "Who chaired the review board", "which assistant secretary was hit", "who was the company's CEO": a question for
 * the person holding a role is answered by the name the facts write with that role ("Board Chair Jane Doe said"),
 * in the sentence that best meets the question's other words. The name leads; the fact it stands in follows.
 */
import type { Answer } from '../answer.js';
import { makeAnswer } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import { factsAndItems } from '../facts.js';
import type { Language } from '../reading/language.js';
import { isProperNoun } from '../reading/names.js';
import { hasAny, type PhraseSet } from '../reading/patterns.js';
import type { Reading } from '../reading/read-question.js';
import { incidentNameTerms, madeOfListWords } from '../reading/subject.js';
import type { Passage } from '../search/passages.js';
import { searchTerms, termOf } from '../search/tokenize.js';
import { withSignals } from './confidence.js';

/** A person the facts name in a role, where. */
interface Holder {
  name: string;
  role: string;
  sentence: string;
  passage: Passage;
  /** the question's other concepts the sentence meets */
  met: number;
  /** of those, the ones the words right before the role meet: whose role it is ("Board Chair") */
  owner: number;
  /** the facts say the person was appointed to the role ("John Roe appointed new CEO", "new CEO Jane Doe") */
  appointed: boolean;
}

/** Where a sentence ends: not after a short title abbreviation before a name ("Rep. Don Bacon", "Dr. Jane Doe"). */
const SENTENCE_END = /(?<=[.!?])(?<!\b[A-Z][a-z]{0,3}\.)\s+/;

/** Words of a name run that join a role's qualifier ("Secretary of State for East Asian and Pacific Affairs"). */
const JOINERS = new Set(['of', 'for', 'and', 'the', 'on']);
/** Most words a name is taken to have when a qualifier runs into it; a bare run keeps up to three. */
const QUALIFIED_NAME_WORDS = 2;
const NAME_WORDS = 3;
/** Question kinds that ask for something other than a person. */
const DATE_KINDS: ReadonlySet<Reading['kind']> = new Set(['when', 'duration', 'count']);
/** How many words after "which" the role may stand ("which initech vendor executive"). */
const WHICH_REACH = 4;

/**
 * The question asks who: a word of the person-asker list opens it, or stands with no other question word after it.
 * "The company whose security chief was convicted - what sentence did he get?": "whose" tells which company, the
 * question that follows asks what.
 */
function asksWho(language: Language, words: readonly string[]): boolean {
  const askers = language.list('person-asker');
  const at = words.findIndex((w) => hasAny(askers, [w]));
  if (at < 0) return false;
  if (at === 0) return true;
  const wh = language.list('wh-word');
  return !words.slice(at + 1).some((w) => hasAny(wh, [w]) && !hasAny(askers, [w]));
}

export function respondRole(ask: Ask, reading: Reading): Answer | undefined {
  const { kb, incident } = ask;
  if (!incident) return undefined;
  const language = kb.language;
  const { words, query } = reading;
  const roleList = language.list('role-word');
  const general = language.list('role-general');
  const isRole = (w: string | undefined) => w !== undefined && (hasAny(roleList, [w]) || hasAny(general, [w]));
  // "who chaired", "which assistant secretary": a person asked for by the role they held; "what did senator X ask
  // for" asks what was done (a verb's helper comes between)
  const aux = language.list('aux');
  const roleAfter = (i: number) => {
    const after = words.slice(i + 1, i + 1 + WHICH_REACH);
    const helper = after.findIndex((v) => hasAny(aux, [v]));
    return (helper >= 0 ? after.slice(0, helper) : after).some((v) => isRole(v));
  };
  const asksPerson =
    asksWho(language, words) || words.some((w, i) => hasAny(language.list('which-word'), [w]) && roleAfter(i));
  // "what date did the senator write": a date, not a person
  const asksOther =
    DATE_KINDS.has(reading.kind) ||
    hasAny(language.list('date-word'), words) ||
    hasAny(language.list('count-cue'), words);
  if (!asksPerson || asksOther) return undefined;
  const asked = new Set(words.filter((w) => isRole(w)).map((w) => termOf(w) ?? w));
  if (asked.size === 0) return undefined;
  // "who did senator wyden write to": a name right after the role fills it; the question asks for someone else
  if (words.some((w, i) => isRole(w) && isProperNoun(kb, words[i + 1] ?? ''))) return undefined;
  // "which congressman": the facts may write the same role otherwise ("Rep."), a role word of its synonym group
  const roleTerms = new Set(allRoles(language, 'role-word'));
  for (const c of query.concepts)
    if (c.own.some((t) => asked.has(t))) for (const t of c.terms) if (roleTerms.has(t.term)) asked.add(t.term);
  // "which executive": any role the facts write ("CEO", "founder") may be the one
  const roles = words.some((w) => hasAny(general, [w]))
    ? new Set([...asked, ...allRoles(language, 'role-word')])
    : asked;
  const others = query.concepts.filter(
    (c) =>
      !c.filler && !c.unknown && !c.own.every((t) => asked.has(t)) && !madeOfListWords(language, c, ['person-asker']),
  );
  // whose role it is counts when the question names someone other than the incident itself ("CSRB chair", not
  // "Initech exec": everyone in an Initech write-up is Initech's)
  const naming = incidentNameTerms(incident);
  const owners = others.filter((c) => !c.own.every((t) => naming.has(t)));
  const successors = language.list('successor-word');
  const titles = new Set([...allRoles(language, 'role-word'), ...allRoles(language, 'role-general')]);
  const holders: Holder[] = [];
  for (const passage of kb.passages) {
    if (passage.incident !== incident.id || passage.kind === 'source' || passage.supersededBy) continue;
    for (const sentence of passage.text.split(SENTENCE_END)) {
      for (const found of namesInRole(sentence, roles, titles, successors)) {
        const terms = new Set(searchTerms(`${passage.title} ${sentence}`));
        const before = new Set(searchTerms(found.before));
        const met = others.filter((c) => c.terms.some((t) => terms.has(t.term))).length;
        const owner = owners.filter((c) => c.terms.some((t) => before.has(t.term))).length;
        holders.push({ name: found.name, role: found.role, sentence, passage, met, owner, appointed: found.appointed });
      }
    }
  }
  // "who took over as CEO": the one the facts say was appointed to it
  const asksSuccessor = hasAny(successors, words);
  // "which cabinet secretary": a secretary, before an assistant or deputy one; "which assistant secretary": one
  // the facts call so, before the secretary
  const lesser = language.list('lesser-role');
  const askedLesser = words.filter((w) => hasAny(lesser, [w]));
  const under = (h: Holder) => {
    const role = h.role.toLowerCase().split(/\s+/);
    return askedLesser.length > 0 ? !askedLesser.some((w) => role.includes(w)) : hasAny(lesser, role);
  };
  holders.sort(
    (a, b) =>
      (asksSuccessor ? Number(b.appointed) - Number(a.appointed) : 0) ||
      Number(under(a)) - Number(under(b)) ||
      b.owner - a.owner ||
      b.met - a.met ||
      a.passage.n - b.passage.n,
  );
  const best = holders[0];
  // the role alone names the person only when the question says nothing else; otherwise it must meet some of it
  if (!best || (others.length > 0 && best.met === 0)) return undefined;
  const rival = holders.find((h) => h.name !== best.name);
  const tied = rival && rival.owner === best.owner && rival.met === best.met;
  const made = factsAndItems(kb, [best.passage]);
  const answer = makeAnswer(kb, {
    intent: 'question',
    incident: incident.id,
    title: `${best.name} (${best.role})`,
    sections: [
      { text: `The facts name ${best.name} as ${best.role}: "${best.sentence.trim()}"` },
      { items: made.items },
    ],
    facts: made.facts,
    suggestions: ['timeline', 'victims'],
    confidence: 0.85,
    question: ask.question,
  });
  const share = others.length > 0 ? best.met / others.length : 1;
  return withSignals(answer, {
    route: 'search',
    coverage: share,
    margin: rival ? Math.max(0, (best.met - rival.met) / Math.max(1, best.met)) : 1,
    titleShare: share,
    ties: tied ? 1 / 6 : 0,
  });
}

/** The stems of every one-word entry of a role list. */
function allRoles(language: Ask['kb']['language'], list: 'role-word' | 'role-general'): string[] {
  return [...language.list(list).byFirst.values()]
    .flat()
    .flatMap((p) => (p.length === 1 ? [termOf(p[0] as string) ?? ''] : []));
}

/**
 * The names written right after a role word ("Chair Jane Doe", "CEO, John Roe", "Secretary of State for Asian
 * Affairs Dan Poe"): capitalized words, a qualifier of joined capitalized words skipped to the name at its end.
 */
function namesInRole(
  sentence: string,
  roles: ReadonlySet<string>,
  titles: ReadonlySet<string>,
  successors: PhraseSet,
): Array<{ name: string; role: string; before: string; appointed: boolean }> {
  const tokens = sentence.split(/\s+/);
  const out: Array<{ name: string; role: string; before: string; appointed: boolean }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = clean(tokens[i] as string);
    if (!first || !roles.has(termOf(first.toLowerCase()) ?? '')) continue;
    // "Chief Information Security Officer, Joey Roe": a title of several words ends at its last role word
    const end = titleEnd(tokens, i, titles);
    const bare = tokens
      .slice(i, end + 1)
      .map(clean)
      .join(' ');
    const run: string[] = [];
    let qualified = false;
    let k = end + 1;
    for (; k < tokens.length; k++) {
      const raw = tokens[k] as string;
      const word = clean(raw);
      // "Rep. Don Bacon (R-Neb.)": what stands in brackets is no part of the name
      if (!word || /^[([]/.test(raw)) break;
      // "and" joins a qualifier ("of State for East Asian and Pacific Affairs"), never two names ("Jane Doe and
      // John Roe")
      if (word === 'and' && !qualified) break;
      if (JOINERS.has(word) && capitalized(clean(tokens[k + 1] ?? ''))) {
        qualified = true;
        run.push(word);
        continue;
      }
      if (!capitalized(word) || roles.has(termOf(word.toLowerCase()) ?? '')) break;
      run.push(word.replace(/['’]s$/, ''));
      if (/[,;:.)]$/.test(raw) || /['’]s$/.test(word)) break;
    }
    let qualifier: string[] = [];
    if (qualified) {
      const tail: string[] = [];
      for (let j = run.length - 1; j >= 0 && !JOINERS.has(run[j] as string); j--) tail.unshift(run[j] as string);
      // the qualifier goes on past its last joiner ("… and Pacific Affairs") before a name closes it: a tail no
      // longer than a name is the qualifier's end, with no name after it
      const name = tail.length > QUALIFIED_NAME_WORDS ? tail.slice(-QUALIFIED_NAME_WORDS) : [];
      qualifier = run.slice(0, run.length - name.length);
      run.splice(0, run.length, ...name);
    }
    const name = run.slice(0, NAME_WORDS);
    const before = ownerWords(tokens, i);
    const lowered = before.map((w) => w.toLowerCase());
    // "new CEO Jane Doe": the role's own words say she was appointed to it
    const appointedBefore = hasAny(successors, lowered.slice(-2));
    // a name is two words or more ("Jane Doe"); one capitalized word is more often a place or a body
    if (name.length < 2 || name.some((w) => JOINERS.has(w))) {
      // "John Roe appointed new CEO": the name before the words that appoint him
      const earlier = appointedName(tokens, i, successors);
      if (earlier) out.push({ name: earlier, role: clean(tokens[i] as string), before: '', appointed: true });
      continue;
    }
    // the role as written: the word naming whose it is when it is a name ("CSRB", "Assistant"), then the qualifier
    const owner = before.at(-1) ?? '';
    const label = [/^[A-Z]/.test(owner) ? owner : '', bare, ...qualifier].filter((w) => w !== '').join(' ');
    out.push({ name: name.join(' '), role: label, before: before.join(' '), appointed: appointedBefore });
  }
  return out;
}

/** The last token of a role title starting at `at`: a role word up to a few capitalized words on, else `at`. */
function titleEnd(tokens: readonly string[], at: number, titles: ReadonlySet<string>): number {
  let end = at;
  for (let j = at; j < tokens.length && j <= at + TITLE_WORDS; j++) {
    const raw = tokens[j] as string;
    const word = clean(raw);
    if (j > at && !capitalized(word)) break;
    if (j > at && titles.has(termOf(word.toLowerCase()) ?? '')) end = j;
    if (/[,;:.)]$/.test(raw)) break;
  }
  return end;
}

/** How many words after its first a role title may run ("Chief Information Security Officer"). */
const TITLE_WORDS = 4;

/**
 * The name written before the words that appoint someone to the role at `at` ("John Roe appointed new CEO", "Jane Doe
 * was named interim chair"): at least one appointing word, then two or three capitalized words.
 */
function appointedName(tokens: readonly string[], at: number, successors: PhraseSet): string | undefined {
  let j = at - 1;
  let appointing = false;
  while (j >= 0 && at - j <= APPOINTING_WORDS) {
    const word = clean(tokens[j] as string).toLowerCase();
    if (hasAny(successors, [word])) appointing = true;
    else if (!LINKING.has(word)) break;
    j--;
  }
  if (!appointing) return undefined;
  const name: string[] = [];
  for (; j >= 0 && name.length < NAME_WORDS; j--) {
    const raw = tokens[j] as string;
    const word = clean(raw);
    if (!capitalized(word) || (name.length > 0 && /[,;:.]$/.test(raw))) break;
    name.unshift(word);
  }
  return name.length >= 2 ? name.join(' ') : undefined;
}

/** Words that may stand between a name and its role besides the appointing ones ("was", "as", "the"). */
const LINKING = new Set(['was', 'is', 'as', 'the', 'its', 'their', 'been', 'has', 'had', 'be']);
/** How many words back from a role an appointment is looked for. */
const APPOINTING_WORDS = 4;

/** The words right before a role, back to a comma or a sentence mark: whose role it is ("Review Board Chair"). */
function ownerWords(tokens: readonly string[], at: number): string[] {
  const out: string[] = [];
  for (let j = at - 1; j >= 0 && out.length < OWNER_WORDS; j--) {
    const raw = tokens[j] as string;
    if (/[,;:.!?)]$/.test(raw)) break;
    out.unshift(clean(raw));
  }
  return out;
}

/** How many words before a role are read as whose role it is. */
const OWNER_WORDS = 4;

/** A token without surrounding punctuation. */
function clean(token: string): string {
  return token.replace(/^[("“'‘]+|[)"”'’,;:.!?]+$/g, '');
}

function capitalized(word: string): boolean {
  return /^[A-Z][a-zA-Z'’-]*$/.test(word) && !/^[A-Z]+$/.test(word);
}
