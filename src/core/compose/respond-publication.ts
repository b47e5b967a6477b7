/**
 * A question about a publication itself ("when did they put out the post on the key", "who wrote the advisory"):
 * the source whose publisher and title the question names answers it, from the incident's source list. Asked
 * when, the lead is the day it came out (the fact that reports its release when the knowledge base has one, else
 * the source's own date); asked who wrote it, the lead is its publisher and author.
 */
import type { Answer } from '../answer.js';
import { makeAnswer } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import { daysBetween, describeDate } from '../dates/dates.js';
import { factsAndItems, tierRank } from '../facts.js';
import { hasAny } from '../reading/patterns.js';
import type { Concept } from '../reading/query.js';
import type { Reading } from '../reading/read-question.js';
import { incidentNameWords, madeOfListWords, namingWords } from '../reading/subject.js';
import type { Passage, PassageKind } from '../search/passages.js';
import { searchTerms, termOf, words as wordsOf } from '../search/tokenize.js';
import { titleShare, withSignals } from './confidence.js';

const SOURCES = new Set<PassageKind>(['source']);
const CITING = new Set<PassageKind>(['event', 'aftermath']);
/** Content words of the question, besides the publication and question words, a source must carry in its name. */
const MIN_NAMED = 2;
/** Share of those words it must carry. */
const MIN_SHARE = 0.5;
/** How many days after a source's own date a fact reporting its release may fall and still be its release. */
const RELEASE_REACH_DAYS = 31;

export function respondPublication(ask: Ask, reading: Reading): Answer | undefined {
  const { kb, incident } = ask;
  if (!incident || incident.sources.length === 0) return undefined;
  const language = kb.language;
  const { words, query } = reading;
  // "who wrote", "which executive wrote": the author
  const author =
    (hasAny(language.list('person-asker'), words) || words.includes('which')) &&
    hasAny(language.list('author-word'), words);
  const when = !author && (reading.kind === 'when' || hasAny(language.list('date-word'), words));
  if (!author && !when) return undefined;
  const publication = hasAny(language.list('publication-noun'), words) || hasAny(language.list('publish-verb'), words);
  if (!publication) return undefined;
  const asked = namingConcepts(ask, query.concepts, words);
  // "when did the zeta labs blog come out": a publisher named alone means its own first publication on the incident
  const publisherOnly =
    asked.length > 0 &&
    incident.sources.some((source) => {
      const publisher = new Set(searchTerms(source.publisher));
      return asked.every((c) => c.terms.some((t) => publisher.has(t.term)));
    });
  if (asked.length < MIN_NAMED && !publisherOnly) return undefined;
  // named by its publisher alone, the publication is searched for by that name alone
  const terms = publisherOnly ? asked.flatMap((c) => c.terms) : query.terms;
  const hits = kb.index.search(terms, { incidents: new Set([incident.id]), kinds: SOURCES, limit: 8 });
  const scored = hits
    .map((hit) => {
      const meets = (c: Concept) => c.terms.some((t) => hit.prominent.has(t.term));
      const publisher = new Set(hit.passage.ref.kind === 'source' ? searchTerms(hit.passage.ref.item.publisher) : []);
      const byPublisher = asked.some((c) => meets(c) && c.terms.some((t) => publisher.has(t.term)));
      return { hit, named: asked.filter(meets).length, byPublisher, tier: rankOf(hit.passage) };
    })
    // the publisher the question names, then the words that name it, then the original over reports of it (the
    // earliest, when the publisher alone is named)
    .sort(
      (a, b) =>
        Number(b.byPublisher) - Number(a.byPublisher) ||
        b.named - a.named ||
        a.tier - b.tier ||
        (publisherOnly ? (a.hit.passage.date ?? '9').localeCompare(b.hit.passage.date ?? '9') : 0) ||
        b.hit.score - a.hit.score,
    );
  const best = scored[0];
  if (publisherOnly) {
    // the publisher's own first publication, never a repost or a summary of it
    if (!best?.byPublisher || best.tier === REPOST) return undefined;
  } else if (!best || best.named < MIN_NAMED || best.named < asked.length * MIN_SHARE) return undefined;
  // a repost's date is when someone copied the publication: the timeline answers for the original
  if (!author && best.tier === REPOST) return undefined;
  // two publications that name the question alike: it does not say which one
  const second = scored[1];
  if (
    !publisherOnly &&
    second &&
    second.named === best.named &&
    second.byPublisher === best.byPublisher &&
    second.tier === best.tier &&
    second.hit.score >= best.hit.score * 0.9
  )
    return undefined;
  // the timeline's own row about a publication ("the vendor publishes its analysis") answers a date when it meets
  // the question as well
  if (when && !publisherOnly && publicationEventNamed(ask, incident.id, reading, asked) >= best.named) return undefined;
  const source = best.hit.passage;
  if (source.ref.kind !== 'source') return undefined;
  const item = source.ref.item;
  const release = when ? releaseFact(ask, source) : undefined;
  const lead = release ?? source;
  const made = factsAndItems(kb, release ? [release, source] : [source]);
  const day = lead.date;
  const title = author
    ? `${item.publisher}: "${item.title}"${item.date ? ` (${item.date})` : ''}`
    : `${day ? `${describeDate(day)}: ` : ''}${release ? release.title : `${item.publisher} publishes "${item.title}"`}`;
  const answer = makeAnswer(kb, {
    intent: when ? 'when' : 'sources',
    incident: incident.id,
    title,
    sections: [{ items: made.items }],
    facts: made.facts,
    suggestions: ['sources', 'timeline'],
    confidence: Math.min(0.95, 0.5 + 0.45 * (best.named / asked.length)),
    question: ask.question,
  });
  return withSignals(answer, {
    route: 'search',
    coverage: best.named / asked.length,
    margin: second ? Math.max(0, (best.named - second.named) / best.named) : 1,
    titleShare: titleShare(query.concepts, best.hit),
    ties: 0,
  });
}

/** How many of the asked concepts the best-matching event about a publication meets in its title or keywords. */
function publicationEventNamed(ask: Ask, incident: string, reading: Reading, asked: readonly Concept[]): number {
  const { kb } = ask;
  const language = kb.language;
  const hits = kb.index.search(reading.query.terms, {
    incidents: new Set([incident]),
    kinds: CITING,
    limit: EVENTS_LOOKED_AT,
  });
  let most = 0;
  for (const hit of hits) {
    const title = wordsOf(hit.passage.title);
    if (!hasAny(language.list('publish-verb'), title) && !hasAny(language.list('publication-noun'), title)) continue;
    most = Math.max(most, asked.filter((c) => c.terms.some((t) => hit.prominent.has(t.term))).length);
  }
  return most;
}

/** How many of the best-matching events are looked at for one about a publication. */
const EVENTS_LOOKED_AT = 5;

/** The tier rank of a repost. */
const REPOST = 2;

/** A source passage's tier rank (anything else ranks with reposts). */
const rankOf = (p: Passage) => (p.ref.kind === 'source' ? tierRank(p.ref.item) : 2);

/**
 * The question's concepts that can name a publication: its content, less the words that only say it is one
 * ("post", "published", "who wrote", "what date").
 */
function namingConcepts(ask: Ask, concepts: readonly Concept[], words: readonly string[]): Concept[] {
  // the incident's own name says nothing of which publication about it, unless it names a publisher too
  const own = ask.incident ? incidentNameWords(ask.incident) : new Set<string>();
  const publishers = new Set(ask.incident?.sources.flatMap((s) => searchTerms(s.publisher)) ?? []);
  const names = new Set(
    [...own, ...namingWords(ask.kb.language, own, words)].filter((w) => !publishers.has(termOf(w) ?? w)),
  );
  return concepts.filter(
    (c) =>
      !c.filler &&
      !c.weak &&
      !c.unknown &&
      !madeOfListWords(ask.kb.language, c, PUBLICATION_LISTS) &&
      !c.text.split(' ').every((w) => names.has(w)),
  );
}

/** The words that only say a question is about a publication. */
const PUBLICATION_LISTS = ['publication-noun', 'publish-verb', 'author-word', 'date-word', 'when-word'] as const;

/**
 * The fact that reports the source's release ("the board releases its report"), citing it, dated on or soon after
 * the source's own date; a report is often dated before the day it is made public.
 */
function releaseFact(ask: Ask, source: Passage): Passage | undefined {
  const { kb } = ask;
  const id = source.ref.kind === 'source' ? source.ref.item.id : '';
  const from = source.date;
  if (!from) return undefined;
  const verbs = kb.language.list('publish-verb');
  const within = (p: Passage) => {
    if (!p.date) return false;
    const days = daysBetween(from, p.date);
    return days >= 0 && days <= RELEASE_REACH_DAYS;
  };
  return kb.passages
    .filter(
      (p) =>
        p.incident === source.incident &&
        CITING.has(p.kind) &&
        !p.supersededBy &&
        p.sources.includes(id) &&
        within(p) &&
        hasAny(verbs, wordsOf(p.title)),
    )
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.n - b.n)[0];
}
