/**
 * `indicators [IP | thumbprint | text]`: the incident's indicators of compromise, or a lookup. IPs are shown
 * defanged (51.89.156[.]153) and matched plain or defanged, across every loaded incident.
 */
import type { Answer, AnswerSection } from '../answer.js';
import { incidentName, makeAnswer, moreCommand, noneAnswer, pageLabel, pageOf } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import { factsAndItems } from '../facts.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { Indicator } from '../model.js';
import { hasAny } from '../reading/patterns.js';
import { incidentNameWords, listWords } from '../reading/subject.js';
import { defang, findIpv4s, refang } from '../search/defang.js';
import { passagesOf } from '../search/incident-passages.js';
import { INDICATOR_LABEL, type Passage } from '../search/passages.js';
import { isStopWord } from '../search/stopwords.js';
import { termOf, words } from '../search/tokenize.js';

const PAGE_SIZE = 15;
const TYPE_ORDER: Indicator['type'][] = [
  'thumbprint',
  'ip',
  'user-agent',
  'hash',
  'jarm',
  'certificate',
  'uri',
  'domain',
  'pattern',
];

const plural = (label: string) => (/(s|sh|ch|x)$/.test(label) ? `${label}es` : `${label}s`);

const indicatorOf = (p: Passage): Indicator | undefined => (p.ref.kind === 'indicator' ? p.ref.item : undefined);

export function respondIndicators(ask: Ask, query?: string): Answer {
  const { kb, incident } = ask;
  if (!incident) return noneAnswer(kb, undefined, ask.question, 'No incidents are loaded.');
  const text = (query ?? '').trim();
  if (text !== '') {
    const lookup = lookupValues(ask, text);
    if (lookup) return lookup;
    const type = typeAsked(ask, text);
    if (type) return listIndicators(ask, type, roleWords(ask, text), orderAsked(ask, text));
  }
  return listIndicators(ask, undefined, roleWords(ask, text), orderAsked(ask, text));
}

/** "earliest first-seen in the ioc list", "newest indicators": the list by date, across types. */
function orderAsked(ask: Ask, text: string): DateOrder | undefined {
  const asked = words(text.toLowerCase());
  const { language } = ask.kb;
  if (hasAny(language.list('last-word'), asked)) return 'latest';
  return hasAny(language.list('first-word'), asked) ? 'earliest' : undefined;
}

type DateOrder = 'earliest' | 'latest';
const ORDER_LABEL: Record<DateOrder, string> = { earliest: 'earliest first', latest: 'most recent first' };

/** The indicator type the text asks for, by the language's indicator-type words (the more specific first). */
function typeAsked(ask: Ask, text: string): Indicator['type'] | undefined {
  const asked = words(text.toLowerCase());
  const found = ask.kb.language.indicatorTypes.find(({ words: set }) => hasAny(set, asked));
  return found && (TYPE_ORDER as readonly string[]).includes(found.type)
    ? (found.type as Indicator['type'])
    : undefined;
}

/** What the question adds to the indicator type: "web panel" in "show me the web panel ips". */
function roleWords(ask: Ask, text: string): string[] {
  const language = ask.kb.language;
  const own = ask.incident ? incidentNameWords(ask.incident) : new Set<string>();
  const typeWords = new Set(
    language.indicatorTypes.flatMap(({ words: set }) => [...set.byFirst.values()].flat(2) as string[]),
  );
  const listing = listWords(language, 'indicator-listing');
  return words(text.toLowerCase()).filter(
    (w) => w.length >= 3 && !isStopWord(w) && !listing.has(w) && !typeWords.has(w) && !own.has(w),
  );
}

/** The words of the publishers of the sources the indicators cite, as search terms. */
function publisherWords(incident: NonNullable<Ask['incident']>, indicators: readonly Passage[]): ReadonlySet<string> {
  const cited = new Set(indicators.flatMap((p) => p.sources));
  const out = new Set<string>();
  for (const source of incident.sources) {
    if (!cited.has(source.id)) continue;
    for (const w of words(source.publisher.toLowerCase())) {
      const t = termOf(w);
      if (t) out.add(t);
    }
  }
  return out;
}

/** An indicator's role and title as words (made once per passage). */
const aboutMemo = new WeakMap<Passage, string[]>();
function roleAndTitleWords(p: Passage): string[] {
  let list = aboutMemo.get(p);
  if (!list) {
    list = words(`${indicatorOf(p)?.role ?? ''} ${p.title}`.toLowerCase());
    aboutMemo.set(p, list);
  }
  return list;
}

function listIndicators(ask: Ask, type?: Indicator['type'], role: string[] = [], order?: DateOrder): Answer {
  const { kb, incident } = ask;
  if (!incident) return noneAnswer(kb, undefined, ask.question);
  const all = passagesOf(kb, incident.id, 'indicator');
  if (all.length === 0) {
    return noneAnswer(
      kb,
      incident,
      ask.question,
      `The knowledge base lists no indicators for ${incidentName(incident)}.`,
      ['technique', 'timeline'],
    );
  }
  const ofType = type ? all.filter((p) => indicatorOf(p)?.type === type) : all;
  // "token web panel ips": only the indicators whose role names every added word, when some do
  const about = roleAndTitleWords;
  const names = (p: Passage, w: string) => about(p).some((a) => a.startsWith(w.replace(/(ies|es|s)$/, '')));
  // words no indicator's role uses ("hosted") do not narrow the list; nor does the name of who published the list
  // ("the earliest in the vendor's ioc list")
  const publishers = publisherWords(incident, ofType);
  const telling = role.filter((w) => !publishers.has(termOf(w) ?? w) && ofType.some((p) => names(p, w)));
  const byRole = telling.length > 0 ? ofType.filter((p) => telling.every((w) => names(p, w))) : [];
  const byType = (a: Passage, b: Passage) =>
    TYPE_ORDER.indexOf(indicatorOf(a)?.type ?? 'pattern') - TYPE_ORDER.indexOf(indicatorOf(b)?.type ?? 'pattern');
  // asked for the earliest or the latest: by first-seen date across types, undated last
  const byDate = (a: Passage, b: Passage) =>
    order === undefined
      ? 0
      : !a.date || !b.date
        ? Number(!a.date) - Number(!b.date)
        : (order === 'earliest' ? 1 : -1) * a.date.localeCompare(b.date);
  const chosen = (byRole.length > 0 ? byRole : ofType)
    .slice()
    .sort((a, b) => byDate(a, b) || byType(a, b) || (a.date ?? '').localeCompare(b.date ?? '') || a.n - b.n);
  if (chosen.length === 0) return listIndicators(ask);
  const page = pageOf(chosen, ask.page, PAGE_SIZE);
  const made = factsAndItems(kb, page.items);
  const counts = new Map<string, number>();
  for (const p of all) {
    const t = indicatorOf(p)?.type ?? 'pattern';
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const summary = [...counts]
    .map(
      ([t, n]) =>
        `${n} ${n === 1 ? INDICATOR_LABEL[t as Indicator['type']] : plural(INDICATOR_LABEL[t as Indicator['type']])}`,
    )
    .join(', ');
  const sections: AnswerSection[] = [];
  if (page.page === 1) {
    sections.push({ text: `${summary}. IPs are defanged; look one up with \`indicators 1.2.3.4\`.` });
  }
  sections.push({ items: made.items });
  // every value of the list, plain and one per line, to paste into a block list or a SIEM in one go
  if (page.page === 1 && chosen.length > 1) {
    const values = [...new Set(chosen.map((p) => indicatorOf(p)?.value).filter((v): v is string => !!v))];
    sections.push({
      code: { text: values.join('\n'), label: `All ${values.length} values, plain (not defanged), one per line` },
    });
  }
  const what = type ? plural(INDICATOR_LABEL[type]) : 'Indicators';
  const narrowed =
    byRole.length > 0 ? ` whose role mentions "${telling.join(' ')}" (${byRole.length} of ${ofType.length})` : '';
  return makeAnswer(kb, {
    intent: 'indicators',
    incident: incident.id,
    title: `${what} for ${incidentName(incident)}${narrowed}${order ? `, ${ORDER_LABEL[order]}` : ''}${pageLabel(page)}`,
    sections,
    facts: made.facts,
    suggestions: ['logging', 'technique'],
    confidence: 1,
    more: page.next
      ? moreCommand(
          `indicators${type ? ` ${type === 'ip' ? 'ips' : type}` : ''}${order ? ` ${order}` : ''}`,
          incident,
          kb,
          page.next,
        )
      : undefined,
    question: ask.question,
  });
}

/** Every incident's indicator passages with their values in lower case, in knowledge-base order (made once). */
const valuesMemo = new WeakMap<KnowledgeBase, Array<{ passage: Passage; value: string }>>();
function indicatorValues(kb: KnowledgeBase): Array<{ passage: Passage; value: string }> {
  let list = valuesMemo.get(kb);
  if (!list) {
    list = kb.passages
      .filter((p) => p.kind === 'indicator')
      .map((passage) => ({ passage, value: indicatorOf(passage)?.value.toLowerCase() ?? '' }));
    valuesMemo.set(kb, list);
  }
  return list;
}

/** Looks up IPs, hex values and other literal strings in every incident's indicators. */
function lookupValues(ask: Ask, text: string): Answer | undefined {
  const { kb } = ask;
  const plain = refang(text);
  const ips = findIpv4s(plain);
  const hexes = plain.match(/\b[0-9a-f]{12,64}\b/gi)?.map((h) => h.toLowerCase()) ?? [];
  const literal = literalNeedle(plain);
  const needles = [...ips, ...hexes];
  if (needles.length === 0 && !literal) return undefined;
  const hexNeedles = needles.filter((n) => n.length >= 12 && /^[0-9a-f]+$/.test(n));
  const found: Passage[] = [];
  for (const { passage, value } of indicatorValues(kb)) {
    const hit =
      needles.some((n) => value === n) ||
      hexNeedles.some((n) => value.startsWith(n)) ||
      (literal !== undefined && value.includes(literal));
    if (hit) found.push(passage);
  }
  const shown = needles.length > 0 ? needles.map((n) => defang(n)).join(', ') : `"${text}"`;
  if (found.length === 0) {
    if (needles.length === 0) return undefined;
    const incident = ask.incident;
    return makeAnswer(kb, {
      kind: 'none',
      intent: 'indicators',
      incident: incident?.id ?? null,
      title: `${shown}: not in the knowledge base`,
      sections: [
        {
          text: `${shown} is not among the indicators recorded for ${kb.incidents.length > 1 ? 'any loaded incident' : incident ? incidentName(incident) : 'the incident'}. Not being listed does not make it safe: these lists only hold what the sources published.`,
        },
      ],
      suggestions: ['indicators', 'logging'],
      confidence: 0.9,
      question: ask.question,
    });
  }
  const incidents = new Set(found.map((p) => p.incident));
  const made = factsAndItems(kb, found.slice(0, 20), {
    withIncident: incidents.size > 1 || (ask.incident !== undefined && !incidents.has(ask.incident.id)),
  });
  const related = relatedEvents(ask, found);
  const events = factsAndItems(kb, related, { short: true });
  const sections: AnswerSection[] = [{ items: made.items }];
  if (events.items.length > 0) sections.push({ heading: 'Mentioned in', items: events.items });
  const only = incidents.size === 1 ? kb.incident([...incidents][0] as string) : undefined;
  return makeAnswer(kb, {
    intent: 'indicators',
    incident: only?.id ?? null,
    title: `Yes: ${shown} is a known indicator${only ? ` of ${incidentName(only)}` : ''}`,
    sections,
    facts: [...made.facts, ...events.facts],
    suggestions: ['indicators', 'logging'],
    confidence: 0.98,
    question: ask.question,
  });
}

/** A literal worth substring-matching: a user-agent fragment, a JARM, a path ("Client=REST", "Chrome/92"). */
function literalNeedle(text: string): string | undefined {
  const candidates = text.split(/\s+/).filter((w) => w.length >= 6 && /[=/;]|^[0-9a-f]{20,}$/i.test(w));
  const best = candidates.sort((a, b) => b.length - a.length)[0];
  if (best) return best.toLowerCase().replace(/^["'(]+|["'),?]+$/g, '');
  const tokens = words(text);
  return tokens.length === 1 && (tokens[0] ?? '').length >= 10 ? tokens[0] : undefined;
}

function relatedEvents(ask: Ask, found: Passage[]): Passage[] {
  const values = found.map((p) => indicatorOf(p)?.value.toLowerCase()).filter((v): v is string => !!v);
  const out: Passage[] = [];
  for (const p of found) {
    for (const e of passagesOf(ask.kb, p.incident, 'event')) {
      const text = refang(e.text.toLowerCase());
      if (!out.includes(e) && values.some((v) => text.includes(v))) out.push(e);
    }
  }
  return out.slice(0, 3);
}
