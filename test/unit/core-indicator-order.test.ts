// "earliest first-seen date in the ioc list", "newest indicators": the indicator list by first-seen date, across
// types, the earliest or the latest first, and the next page keeps that order. Without such a word the list
// keeps its usual order (by type).
import { describe, expect, it } from 'vitest';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const { ask } = fixtureKbWithAlpha(alphaInput);
const firstValue = (q: string) => ask(q).facts[0]?.text ?? '';

describe('the indicator list in date order', () => {
  it('leads with the earliest first-seen when asked for the earliest', () => {
    const a = ask('earliest first-seen date in the alpha ioc list?');
    expect(a.intent).toBe('indicators');
    expect(a.title).toContain('earliest first');
    expect(firstValue('earliest first-seen date in the alpha ioc list?')).toContain('198.51.100[.]7');
  });

  it('leads with the latest first-seen when asked for the newest', () => {
    expect(ask('newest alpha indicators').title).toContain('most recent first');
    expect(firstValue('newest alpha indicators')).toContain('192.0.2[.]15');
  });

  it('keeps its usual order otherwise', () => {
    expect(ask('alpha indicators').title).not.toMatch(/first/);
  });
});

describe('the publisher of the list named in the question', () => {
  // the indicators cite a source published by "Zeta Labs", and one role says so
  const { ask: askZeta } = fixtureKbWithAlpha({
    ...alphaInput,
    indicators: (alphaInput.indicators ?? []).map((i) =>
      i.id === 'ioc-proxy' ? { ...i, role: 'proxy listed in Zeta Labs table', sources: ['s-zeta'] } : i,
    ),
    sources: [
      ...alphaInput.sources,
      {
        id: 's-zeta',
        publisher: 'Zeta Labs',
        title: 'Zeta indicators',
        url: 'https://example.com/zeta',
        kind: 'vendor',
      },
    ],
  });

  it('does not narrow the list to the roles that mention the publisher', () => {
    const a = askZeta("earliest first-seen date in zeta's alpha ioc list?");
    expect(a.title).toContain('earliest first');
    expect(a.title).not.toContain('whose role mentions');
    expect(a.facts[0]?.text).toContain('198.51.100[.]7');
  });

  it('"the ioc table" names the list, not a role ("proxy listed in Zeta Labs table")', () => {
    const a = askZeta('earliest first-seen date in the alpha ioc table, and which ip is it?');
    expect(a.title).toContain('earliest first');
    expect(a.title).not.toContain('whose role mentions');
    expect(a.facts[0]?.text).toContain('198.51.100[.]7');
  });

  it('a word of the roles that names no publisher still narrows it', () => {
    expect(askZeta('alpha token panel ips').title).toContain('whose role mentions');
  });
});
