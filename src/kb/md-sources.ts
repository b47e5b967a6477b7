/**
 * Sources of a breaches.cloud write-up: the write-up itself, every link, and the footnotes. Each gets a stable id;
 * the publisher is the link's host name and the kind is guessed from it.
 */
import type { Source } from '../core/model.js';

const SITE = 'https://www.breaches.cloud/incidents/';

const PRESS = new Set([
  'arstechnica.com',
  'axios.com',
  'bbc.co.uk',
  'bleepingcomputer.com',
  'bloomberg.com',
  'cnbc.com',
  'cnn.com',
  'coindesk.com',
  'computerweekly.com',
  'computerworld.com',
  'courthousenews.com',
  'cybernews.com',
  'cyberscoop.com',
  'dailydot.com',
  'darkreading.com',
  'esecurityplanet.com',
  'ft.com',
  'krebsonsecurity.com',
  'nakedsecurity.sophos.com',
  'nytimes.com',
  'reuters.com',
  'seattlemet.com',
  'seattletimes.com',
  'securityweek.com',
  'smh.com.au',
  'techcrunch.com',
  'techtarget.com',
  'theguardian.com',
  'theregister.com',
  'therecord.media',
  'threatpost.com',
  'washingtonpost.com',
  'wired.com',
  'wsj.com',
  'zdnet.com',
]);
const REFERENCE = new Set(['en.wikipedia.org', 'github.com', 'casetext.com', 'courtlistener.com', 'nvd.nist.gov']);

/** `www.` and a leading `web.archive.org/web/<stamp>/` are looked through to the original host. */
export function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.hostname === 'web.archive.org') {
      const inner = /^\/web\/[^/]+\/(https?:\/\/.+)$/.exec(parsed.pathname + parsed.search);
      if (inner?.[1]) return hostOf(inner[1]);
    }
    return parsed.hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return '';
  }
}

/** Guesses the kind of source from its host: government sites, news sites, reference sites, or other. */
export function guessKind(host: string): Source['kind'] {
  if (/(^|\.)(gov|mil)(\.[a-z]{2})?$/.test(host) || /(^|\.)gov\.[a-z]{2}$/.test(host) || host.endsWith('.europa.eu')) {
    return /(^|\.)senate\.gov$|(^|\.)house\.gov$|(^|\.)congress\.gov$/.test(host) ? 'legislature' : 'government';
  }
  const bare = host.replace(/^(www|m|amp|today)\./, '');
  if (PRESS.has(bare) || [...PRESS].some((p) => bare.endsWith(`.${p}`))) return 'press';
  if (REFERENCE.has(bare) || [...REFERENCE].some((p) => bare.endsWith(`.${p}`))) return 'reference';
  return 'other';
}

/** Collects the sources of one write-up, de-duplicated by URL. */
export class SourceRegistry {
  readonly sources: Source[] = [];
  /** the id of the write-up itself, cited by every fact */
  readonly writeUpId = 'breaches-cloud';
  private readonly byUrl = new Map<string, string>();
  private readonly byFootnote = new Map<string, string>();
  private readonly base: string;

  constructor(slug: string, title: string, date?: string) {
    this.base = `${SITE}${encodeURI(slug)}/`;
    this.sources.push({
      id: this.writeUpId,
      publisher: 'breaches.cloud',
      title: `breaches.cloud: ${title}`,
      url: this.base,
      ...(date ? { date } : {}),
      kind: 'reference',
      reliability: 'secondary',
      note: 'CC BY-NC-ND 4.0 write-up; loaded at run time, not copied',
    });
    this.byUrl.set(this.base, this.writeUpId);
  }

  /** A link's absolute URL, or `undefined` for links that are not sources (anchors, mail, pages of this site). */
  resolve(url: string): string | undefined {
    const trimmed = url.trim();
    if (trimmed === '' || trimmed.startsWith('#') || /^(mailto|tel|javascript):/i.test(trimmed)) return undefined;
    if (/^https?:\/\//i.test(trimmed)) {
      try {
        return new URL(trimmed).href;
      } catch {
        return undefined;
      }
    }
    if (/^[^:/?#]+\.(pdf|png|jpe?g|gif|txt|csv|docx?|xlsx?)$/i.test(trimmed)) return new URL(trimmed, this.base).href;
    return undefined;
  }

  /** Adds (or finds) the source for a link and returns its id; `undefined` when the link is not a source. */
  add(url: string, title: string, extra: { date?: string; note?: string } = {}): string | undefined {
    const resolved = this.resolve(url);
    if (!resolved) return undefined;
    const known = this.byUrl.get(resolved);
    if (known) {
      const source = this.sources.find((s) => s.id === known);
      if (source && !source.date && extra.date) source.date = extra.date;
      return known;
    }
    const host = hostOf(resolved) || 'breaches.cloud';
    const attached = resolved.startsWith(this.base);
    const id = `src-${this.sources.length}`;
    const cleanTitle = title.replace(/\s+/g, ' ').trim();
    this.sources.push({
      id,
      publisher: attached ? 'breaches.cloud (attached file)' : host,
      title: cleanTitle === '' || cleanTitle === resolved ? host || resolved : cleanTitle,
      url: resolved,
      ...(extra.date ? { date: extra.date } : {}),
      kind: attached ? 'reference' : guessKind(host),
      ...(extra.note ? { note: extra.note } : {}),
    });
    this.byUrl.set(resolved, id);
    return id;
  }

  /** Records that footnote `label` is the source `id`. */
  setFootnote(label: string, id: string): void {
    this.byFootnote.set(label, id);
  }

  /** The source id of footnote `label`, if the footnote had a link. */
  footnote(label: string): string | undefined {
    return this.byFootnote.get(label);
  }

  /** The write-up id plus the given ids, without duplicates or blanks. */
  cite(ids: ReadonlyArray<string | undefined>): string[] {
    return [...new Set([this.writeUpId, ...ids.filter((id): id is string => Boolean(id))])];
  }
}
