// The bundled knowledge base brought up to date through August 2026 (issue 17): new facts are cited, superseded
// claims stay and point at what replaced them, logging advice says then and now, and nothing unrelated is folded in.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/core/model.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const root = path.resolve(import.meta.dirname, '../..');
let incident: Incident;

beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ dir: path.join(root, 'data', 'incidents') });
  expect(loaded.problems).toEqual([]);
  const found = loaded.data.incidents.find((i) => i.id === 'storm-0558');
  if (!found) throw new Error('storm-0558 is not in data/incidents');
  incident = found;
});

/** Every fact of the incident with an id, whatever list it is in. */
function allFacts(): Array<{ id: string; supersededBy?: string; corrects?: string[]; sources: string[] }> {
  return [
    ...incident.timeline,
    ...incident.victims,
    ...(incident.attribution?.details ?? []),
    ...(incident.technique?.details ?? []),
    ...incident.aftermath,
    ...incident.recommendations,
    ...incident.lessons,
  ];
}

const fact = (id: string) => {
  const found = allFacts().find((f) => f.id === id);
  if (!found) throw new Error(`no fact ${id}`);
  return found;
};

/** Asserts that `newer` corrects `older` and `older` points back at `newer`. */
function expectCorrection(newer: string, older: string) {
  expect(fact(newer).corrects, `${newer} corrects ${older}`).toContain(older);
  expect(fact(older).supersededBy, `${older} is superseded by ${newer}`).toBe(newer);
}

describe('the permanent name (17.1)', () => {
  it('makes "Antique Typhoon" a name of the incident and an alias of the actor', () => {
    expect(incident.aliases).toContain('Antique Typhoon');
    expect(incident.attribution?.aliases).toContain('Antique Typhoon');
  });

  it('dates the name from Microsoft and keeps the earlier "no other name" as a corrected claim', () => {
    const named = incident.attribution?.details.find((d) => d.id === 'at-antique-typhoon');
    expect(named?.date).toBe('2024-12-19');
    expect(named?.sources).toEqual(expect.arrayContaining(['ms-mstic-actor-mapping', 'ms-learn-actor-naming']));
    expectCorrection('at-antique-typhoon', 'at-no-other-name');
  });
});

describe("Microsoft's signing keys and token validation under SFI (17.1)", () => {
  it('dates the SFI launch to the day, keeping the month-only claim as corrected', () => {
    expectCorrection('tl-2023-11-02-sfi-launch', 'tl-2023-11-sfi-launch');
  });

  it('tells each step on key custody and validation with its date and figures', () => {
    const steps: Array<[string, string, RegExp]> = [
      ['tl-2024-09-23-sfi-first-report', '2024-09-23', /Managed HSM/],
      ['tl-2025-04-21-sfi-april-report', '2025-04-21', /confidential virtual machines.*90%/s],
      ['tl-2025-11-06-sfi-standard-sdk', '2025-11-06', /90%.*73%/s],
      ['tl-2025-11-sfi-november-report', '2025-11', /95%.*94%.*1,096.*53/s],
    ];
    for (const [id, date, pattern] of steps) {
      const event = incident.timeline.find((e) => e.id === id);
      expect(event?.date, id).toBe(date);
      expect(event?.detail, id).toMatch(pattern);
    }
  });

  it('does not claim every signing key had moved by April 2025', () => {
    const april = incident.timeline.find((e) => e.id === 'tl-2025-04-21-sfi-april-report');
    expect(april?.detail).toMatch(/Entra ID signing was still in progress/);
  });
});

describe('logging advice, then and now (17.2)', () => {
  const timeBound = () =>
    incident.recommendations.filter((r) => r.tags.some((t) => t === 'licensing' || t === 'retention' || t === 'scuba'));

  it('gives every licence, retention or baseline recommendation a history ending in what holds now', () => {
    expect(timeBound().length).toBeGreaterThanOrEqual(4);
    for (const rec of timeBound()) {
      const history = rec.history ?? [];
      expect(history.length, rec.id).toBeGreaterThanOrEqual(2);
      const now = history[history.length - 1];
      expect(now?.until, rec.id).toBeUndefined();
      expect(now?.period, rec.id).toMatch(/^Now \(as of August 2026\)$/);
    }
  });

  it('states prerequisites as they hold now, never a 2023 licence rule as current', () => {
    for (const rec of timeBound()) {
      expect(rec.prerequisites ?? '', rec.id).not.toMatch(/\bThen\b|needing E5|E5, A5 or G5 \(or an add-on\)/);
    }
    const mailItems = incident.recommendations.find((r) => r.id === 'rec-enable-mailitemsaccessed');
    expect(mailItems?.prerequisites).toMatch(/^As of August 2026: part of Microsoft Purview Audit \(Standard\)/);
    expect(mailItems?.history?.[0]?.text).toMatch(/Audit \(Premium\) event/);
  });

  it('names the baseline policy ids of then and of now', () => {
    const all = timeBound().flatMap((r) => r.history ?? []);
    expect(all.some((h) => h.until && /MS\.EXO\.17\.2v1/.test(h.text))).toBe(true);
    expect(all.some((h) => !h.until && /MS\.SECURITYSUITE\.5\.2v1|5\.2v1/.test(h.text))).toBe(true);
  });

  it('keeps M-21-31 and the undated ScubaGear removal as corrected claims, linked to what replaced them', () => {
    expectCorrection('tl-2026-05-22-m-26-14', 'af-m-21-31-federal-logging');
    expectCorrection('tl-2025-04-08-scubagear-premium-removed', 'tl-2025-03-scuba-premium-retired');
    const memo = incident.timeline.find((e) => e.id === 'tl-2026-05-22-m-26-14');
    // the addendum's conflict is kept, not resolved: six months per secondaries, three per CISA, twelve retrievable
    expect(memo?.detail).toMatch(/six months.*three.*twelve/s);
  });
});

describe('status and the CSRB (17.1)', () => {
  it('is dated August 2026 and says what holds then', () => {
    expect(incident.status.asOf).toBe('2026-08');
    for (const fact of [
      'Antique Typhoon',
      'HSM',
      'MS.SECURITYSUITE.5.2v1',
      'M-26-14',
      'not been found reconstituted',
    ]) {
      expect(incident.status.text).toContain(fact);
    }
  });

  it('answers whether the CSRB still exists without claiming more than the sources show', () => {
    const status = incident.aftermath.find((a) => a.id === 'af-csrb-status');
    expect(status?.text).toMatch(/absence of evidence/);
    expect(status?.sources).toEqual(
      expect.arrayContaining(['meritalk-edgar-0225', 'house-homeland-garbarino-0317', 'warner-csrb-0530']),
    );
  });
});

describe('CVE-2025-55241 (17.1)', () => {
  it('appears only as a lesson that says it is not part of the incident', () => {
    const texts = (items: Array<{ id: string }>) => items.filter((i) => JSON.stringify(i).includes('CVE-2025-55241'));
    expect(texts(incident.lessons).map((l) => l.id)).toEqual(['le-actor-tokens-cve-2025-55241']);
    for (const list of [incident.timeline, incident.victims, incident.technique?.details ?? [], incident.aftermath]) {
      expect(texts(list)).toEqual([]);
    }
    expect(incident.lessons.find((l) => l.id === 'le-actor-tokens-cve-2025-55241')?.text).toMatch(
      /^CVE-2025-55241 is not part of Storm-0558\./,
    );
  });
});

describe('new sources (17.1)', () => {
  it("gives every source a publisher, a title, an http(s) URL and, for the addendum's, a date", () => {
    const added = [
      'ms-learn-actor-naming',
      'techtarget-sfi-0923',
      'thn-sfi-0422',
      'ms-learn-sfi-standard-sdk',
      'ms-learn-sfi-whats-new',
      'ms-learn-sfi-log-retention',
      'ms-learn-sfi-centralize-logs',
      'cisa-scubagear-pr1625',
      'cisa-scubagear-securitysuite',
      'meritalk-edgar-0225',
      'house-homeland-garbarino-0317',
      'warner-csrb-0530',
    ];
    for (const id of added) {
      const source = incident.sources.find((s) => s.id === id);
      expect(source?.date, id).toMatch(/^\d{4}-\d{2}/);
    }
    for (const source of incident.sources) expect(source.url, source.id).toMatch(/^https?:\/\//);
  });
});

describe('source tiers (13.1)', () => {
  it('gives every Storm-0558 source a tier', () => {
    for (const source of incident.sources) expect(source.tier, source.id).toMatch(/^(primary|secondary|repost)$/);
  });

  it('ranks the official accounts primary and reprints, mirrors and feed redirects as reposts', () => {
    const tier = (id: string) => incident.sources.find((s) => s.id === id)?.tier;
    for (const id of ['ms-0714', 'ms-0906', 'csrb-2024', 'cisa-aa23-193a', 'dhs-0402'])
      expect(tier(id), id).toBe('primary');
    // the examples: a Sputnik reprint, a mirror site, a feed redirect
    for (const id of ['urdupoint-msrc', 'geekwire-hearing-preview', 'wsj-raimondo'])
      expect(tier(id), id).toBe('repost');
    for (const id of ['bc-o365-2023', 'thn-0721', 'politico-0927']) expect(tier(id), id).toBe('secondary');
  });
});
