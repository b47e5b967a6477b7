import { describe, expect, it } from 'vitest';
import { lineWith, loadFixture } from './kb-breaches-helpers.js';

describe('breaches.cloud front matter', () => {
  it('maps title, victim, dates, status, tags, origin and updated', () => {
    const { incident } = loadFixture('dates-in-cells.md');
    expect(incident).toMatchObject({
      id: 'dates-in-cells',
      title: 'Globex Analytics (2020)',
      victim: 'Globex Analytics',
      dates: { start: '2020-03-13', end: '2020-12-26', disclosed: '2021-01-04' },
      status: { text: 'Keys rotated, no actor named', asOf: '2024-02-10' },
      tags: ['AWS', 'Access Keys'],
      origin: 'breaches.cloud',
      updated: '2024-02-10',
    });
  });

  it('takes the status date from date when there is no lastmod', () => {
    const { incident } = loadFixture('no-timeline.md');
    expect(incident.status.asOf).toBe('2023-03-01');
    expect(incident.updated).toBeUndefined();
  });

  it('reads quoted, unquoted and approximate dates, and leaves out ongoing and N/A without a warning', () => {
    const approx = loadFixture('headings-and-dates.md');
    expect(approx.incident.dates.start).toBe('2022-03-26');
    const quoted = loadFixture('ragged-table.md');
    expect(quoted.incident.dates.start).toBe('2022-02-01');
    const open = loadFixture('no-timeline.md');
    expect(open.incident.dates).toEqual({ start: '2019-03-12' });
    expect(open.problems.filter((p) => /date/.test(p.path))).toEqual([]);
  });

  it('says so when the final status is N/A', () => {
    const { incident } = loadFixture('no-timeline.md');
    expect(incident.status.text).toBe('No final status given in the write-up');
  });

  it('loads a draft with a warning at the draft line and tags it "draft"', () => {
    const { incident, problems, file } = loadFixture('no-timeline.md');
    expect(incident.tags).toContain('draft');
    expect(problems.find((p) => p.path === 'draft')).toMatchObject({
      severity: 'warning',
      line: lineWith(file, 'draft: true'),
    });
  });

  it('takes the timeline year for a start the front matter gives in another year, when the narrative agrees', () => {
    const { incident, problems, file } = loadFixture('contradiction.md');
    expect(incident.dates.start).toBe('2020-09-24');
    const start = problems.find((p) => p.path === 'incident_start_date');
    expect(start).toMatchObject({ severity: 'warning', line: lineWith(file, 'incident_start_date') });
    expect(start?.message).toContain('2020-09-24 is used');
  });

  it('leaves out an end before a start the timeline confirms, with a warning at the end line', () => {
    const { incident, problems, file } = loadFixture('contradiction.md');
    expect(incident.dates.end).toBeUndefined();
    const end = problems.find((p) => p.path === 'incident_end_date');
    expect(end).toMatchObject({ severity: 'warning', line: lineWith(file, 'incident_end_date') });
    expect(end?.message).toMatch(/before its start .*the end is left out/);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('gives aliases people may type: the title, its parts, the victim', () => {
    const { incident } = loadFixture('dates-in-cells.md');
    expect(incident.aliases).toEqual(expect.arrayContaining(['Globex Analytics (2020)', 'Globex Analytics']));
    expect(incident.aliases).not.toContain('2020');
  });
});
