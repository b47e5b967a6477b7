// Cross-checks on native incident data that the schema cannot make: here, a recommendation's then-and-now history.
// Each case is a small incident written as YAML and read the way the loader reads a file.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { KbProblem } from '../../src/core/model.js';
import { parseNativeIncident } from '../../src/kb/native.js';

const base = {
  id: 'example',
  title: 'Example incident',
  summary: 'Something happened.',
  status: { text: 'Closed.', asOf: '2026-08' },
  sources: [{ id: 'src-a', publisher: 'Example', title: 'A post', url: 'https://example.com/a', kind: 'vendor' }],
};

/** The problems the loader reports for an incident with one recommendation whose history is `history`. */
function problemsWith(history: unknown[]): KbProblem[] {
  const recommendation = {
    id: 'rec-a',
    title: 'Log it',
    why: 'Because.',
    action: 'Turn it on.',
    history,
    sources: ['src-a'],
  };
  const text = stringify({ ...base, recommendations: [recommendation] });
  return parseNativeIncident('example.yaml', text).problems;
}

const then = { period: '2023', until: '2023-10', text: 'Premium only.', sources: ['src-a'] };
const change = { period: '2023–2024', from: '2023-10', until: '2024-09', text: 'Rolled out.', sources: ['src-a'] };
const now = { period: 'Now', from: '2024-09', text: 'Standard.', sources: ['src-a'] };

describe('recommendation history', () => {
  it('accepts periods in date order whose last one is open-ended', () => {
    expect(problemsWith([then, change, now])).toEqual([]);
  });

  it('rejects an open-ended period that is not the last', () => {
    const problems = problemsWith([{ ...then, until: undefined }, now]);
    expect(problems.map((p) => [p.severity, p.path])).toEqual([['error', 'recommendations[0].history[0]']]);
    expect(problems[0]?.message).toMatch(/only the last history entry may be open-ended/);
  });

  it('rejects periods out of order, and a period that ends before it starts', () => {
    const problems = problemsWith([change, { ...then, from: '2023-01' }, now]);
    expect(
      problems.some((p) => p.path === 'recommendations[0].history[1].from' && /out of order/.test(p.message)),
    ).toBe(true);
    const backwards = problemsWith([{ ...change, from: '2024-09', until: '2023-10' }, now]);
    expect(backwards.map((p) => p.path)).toContain('recommendations[0].history[0].until');
  });

  it('rejects a period citing a source the incident does not list', () => {
    const problems = problemsWith([then, { ...now, sources: ['src-missing'] }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe('unknown source id "src-missing" (not in this incident\'s sources)');
  });

  it('warns when every period has ended, so nothing is said to hold now', () => {
    const problems = problemsWith([then, { ...now, until: '2025-01' }]);
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
  });
});

describe('sources', () => {
  const withSource = (extra: Record<string, unknown>) => {
    const text = stringify({ ...base, sources: [{ ...base.sources[0], ...extra }] });
    return parseNativeIncident('example.yaml', text).problems;
  };

  it('accepts a tier of primary, secondary or repost, and no tier', () => {
    for (const tier of ['primary', 'secondary', 'repost']) expect(withSource({ tier })).toEqual([]);
    expect(withSource({ tier: 'aggregator' }).map((p) => p.path)).toEqual(['sources[0].tier']);
  });

  it('takes only http and https URLs', () => {
    expect(withSource({ url: 'http://example.com/a' })).toEqual([]);
    for (const url of [
      'mailto:someone@example.com',
      'ftp://example.com/a',
      'javascript:alert(1)',
      'https:example.com',
    ]) {
      const problems = withSource({ url });
      expect(
        problems.map((p) => [p.severity, p.path]),
        url,
      ).toEqual([['error', 'sources[0].url']]);
    }
  });
});

describe('defender block', () => {
  const indicators = [
    {
      id: 'ioc-a',
      type: 'ip',
      value: '192.0.2.1',
      firstSeen: '2023-03-09',
      lastSeen: '2023-05-01',
      sources: ['src-a'],
    },
    {
      id: 'ioc-b',
      type: 'ip',
      value: '192.0.2.2',
      firstSeen: '2023-04-01',
      lastSeen: '2023-07-12',
      sources: ['src-a'],
    },
  ];
  const window = { from: '2023-03-09', to: '2023-07-12', text: 'Search these dates.', sources: ['src-a'] };
  const check = {
    id: 'chk-a',
    title: 'IPs',
    text: 'Search for them.',
    indicators: ['ioc-a', 'ioc-b'],
    sources: ['src-a'],
  };
  const notification = { id: 'n-a', text: 'Admins were told.', sources: ['src-a'] };
  const problemsOf = (defender: Record<string, unknown>) =>
    parseNativeIncident('example.yaml', stringify({ ...base, indicators, defender })).problems;

  it('accepts notification, a window covering every indicator, and checks naming real indicators', () => {
    expect(problemsOf({ notification: [notification], window, checks: [check] })).toEqual([]);
  });

  it('rejects a check naming an indicator that does not exist, and an unknown source', () => {
    const problems = problemsOf({ checks: [{ ...check, indicators: ['ioc-a', 'ioc-z'], sources: ['src-z'] }] });
    expect(problems.map((p) => p.path).sort()).toEqual([
      'defender.checks[0].indicators[1]',
      'defender.checks[0].sources[0]',
    ]);
  });

  it('warns when the window misses an indicator, and rejects one that ends before it starts', () => {
    const short = problemsOf({ window: { ...window, to: '2023-06-30' } });
    expect(short.map((p) => [p.severity, p.path])).toEqual([['warning', 'defender.window']]);
    expect(short[0]?.message).toContain('"ioc-b"');
    const backwards = problemsOf({ window: { ...window, from: '2023-08-01', to: '2023-07-12' } });
    expect(backwards.map((p) => p.path)).toContain('defender.window.to');
  });

  it('keeps ids unique across the defender block and the fact lists', () => {
    const problems = problemsOf({ notification: [{ ...notification, id: 'ioc-a' }] });
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^duplicate id "ioc-a"/)]);
  });
});
