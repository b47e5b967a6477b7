import { describe, expect, it } from 'vitest';
import { parseBreachesCloud } from '../../src/kb/breaches-cloud.js';

const parse = (text: string, name = 'write-up.md') => parseBreachesCloud(`/kb/${name}`, text);

describe('breaches.cloud loader on hostile input', () => {
  it('skips an empty file with a warning', () => {
    const result = parse('');
    expect(result.skipped).toBe(true);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', path: 'title' })]);
  });

  it('reports a front matter syntax error at its line in the file, as an error', () => {
    const result = parse('---\ntitle: "Unclosed\ndate: 2020-01-01\n---\nBody.\n');
    expect(result.incident).toBeUndefined();
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBeGreaterThanOrEqual(2);
    expect(errors[0]?.line).toBeLessThanOrEqual(4);
  });

  it('uses the last of a duplicated key and warns at its line', () => {
    const result = parse('---\ntitle: First\ntitle: Second\ndate: 2020-01-01\n---\nSynopsis.\n');
    expect(result.incident?.title).toBe('Second');
    expect(result.problems).toContainEqual(expect.objectContaining({ line: 3, path: 'title', severity: 'warning' }));
  });

  it('refuses a write-up with no date at all for its status', () => {
    const result = parse('---\ntitle: Undated\n---\nSynopsis.\n');
    expect(result.problems).toContainEqual(expect.objectContaining({ path: 'lastmod', severity: 'error' }));
  });

  it('survives empty rows and short rows, and keeps the text of extra cells', () => {
    const text = [
      '---',
      'title: Junk',
      'date: 2020-01-01',
      '---',
      '### Timeline',
      '| Date | Event |',
      '|--|--|',
      '|  |  |',
      '| May 2020 |',
      '| June 2020 | kept | extra | cells |',
    ].join('\n');
    const result = parse(text);
    expect(result.incident?.timeline?.map((e) => [e.date, e.title])).toEqual([['2020-06', 'kept extra cells']]);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ line: 9, severity: 'warning', message: expect.stringContaining('no event text') }),
    );
  });

  it('gives a file name that is not a valid id a cleaned id, with a warning', () => {
    const result = parse('---\ntitle: Spaces\ndate: 2020-01-01\n---\nSynopsis.\n', 'My Incident!.md');
    expect(result.incident?.id).toBe('my-incident-');
    expect(result.problems).toContainEqual(expect.objectContaining({ path: 'id', severity: 'warning' }));
  });
});
