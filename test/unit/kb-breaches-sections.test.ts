import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBreachesCloud } from '../../src/kb/breaches-cloud.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { classifyHeading } from '../../src/kb/md-sections.js';
import { guessKind, hostOf } from '../../src/kb/md-sources.js';
import { fixturesDir, loadFixture } from './kb-breaches-helpers.js';

describe('breaches.cloud headings', () => {
  it.each([
    'Cloud Security lessons learned.',
    'Cloud Security Lessons Learned',
    'Lessons-Learned',
    'Lessons Learnt',
    'lesson learned:',
    'Cloud Security Implications of this incident.',
  ])('reads %j as the lessons', (heading) => {
    expect(classifyHeading(heading)).toBe('lessons');
  });

  it.each([
    ['TIMELINE.', 'timeline'],
    [' Timeline:', 'timeline'],
    ['Attribution / perpetrator:', 'attribution'],
    ['Long-term Impact', 'impact'],
    ['Summary of coverage & other resources', 'coverage'],
    ['details of the incident:', 'details'],
    ['Big Yellow Taxi', 'other'],
  ])('reads %j as %s', (heading, kind) => {
    expect(classifyHeading(heading)).toBe(kind);
  });

  it('finds every section of a write-up whose headings use odd case, spaces and punctuation', () => {
    const { incident } = loadFixture('headings-and-dates.md');
    expect(incident.technique?.summary).toBe('The key was baked into an image layer and published.');
    expect(incident.timeline).toHaveLength(2);
    expect(incident.attribution?.actor).toBe('Unknown');
    expect(incident.lessons.map((l) => l.text)).toEqual(['Scan images for secrets before pushing them.']);
  });
});

describe('breaches.cloud body', () => {
  it('takes the synopsis before <!--more--> as the summary', () => {
    const { incident } = loadFixture('dates-in-cells.md');
    expect(incident.summary).toBe(
      'Globex Analytics, an invented reporting service, lost control of a build server key in 2020. The key was used to copy reporting snapshots.',
    );
  });

  it('takes the first paragraph as the summary when there is no <!--more-->', () => {
    const { incident } = loadFixture('no-timeline.md');
    expect(incident.summary).toMatch(/^Vandelay Imports, an invented importer/);
    expect(incident.technique?.summary).toMatch(/^The attacker sent requests/);
  });

  it('reads victims from the front matter and from a list introduced as victims', () => {
    const { incident } = loadFixture('list-timeline.md');
    expect(incident.victims.map((v) => [v.name, v.kind])).toEqual([
      ['Hooli', 'organization'],
      ['Two Hooli customers who shared channels', 'organization'],
      ['Hooli CEO Gavin Example', 'person'],
    ]);
  });

  it('reads attribution, long-term impact and lessons as statements', () => {
    const { incident } = loadFixture('list-timeline.md');
    expect(incident.attribution?.actor).toBe('Unknown');
    expect(incident.aftermath.map((s) => s.text)).toEqual(['Hooli removed all integrations older than a year.']);
    expect(incident.lessons.map((s) => s.id)).toEqual(['lesson-1', 'lesson-2']);
    const named = loadFixture('no-timeline.md').incident.attribution;
    expect(named?.actor).toBe('Art Vandelay');
  });

  it('builds sources from links, coverage and footnotes: host as publisher, kind from the host, coverage dates', () => {
    const { incident } = loadFixture('dates-in-cells.md');
    const byUrl = new Map(incident.sources.map((s) => [s.url, s]));
    expect(byUrl.get('https://globex.example.com/notice')).toMatchObject({
      publisher: 'globex.example.com',
      title: 'Vendor notice',
      date: '2021-01-04',
      kind: 'other',
    });
    expect(byUrl.get('https://techcrunch.com/2021/01/05/globex-example/')).toMatchObject({ kind: 'press' });
    expect(byUrl.get('https://www.ftc.gov/example-order')).toMatchObject({ publisher: 'ftc.gov', kind: 'government' });
    expect(byUrl.get('https://globex.example.com/report')?.note).toBe('footnote 1');
    expect(new Set(incident.sources.map((s) => s.id)).size).toBe(incident.sources.length);
  });

  it('guesses hosts and kinds, looking through web.archive.org', () => {
    expect(hostOf('https://web.archive.org/web/2020/https://www.example.gov/page')).toBe('example.gov');
    expect(guessKind('justice.gov')).toBe('government');
    expect(guessKind('wyden.senate.gov')).toBe('legislature');
    expect(guessKind('arstechnica.com')).toBe('press');
    expect(guessKind('vendor.example.com')).toBe('other');
  });

  it('lower-cases the file name into the id', () => {
    const text = readFileSync(path.join(fixturesDir, 'ragged-table.md'), 'utf8');
    const result = parseBreachesCloud('/somewhere/Initech-Storage.md', text);
    expect(result.incident?.id).toBe('initech-storage');
  });
});

describe('Markdown files that are not write-ups', () => {
  it('skips README silently and warns about another file without a title', async () => {
    const { problems, data } = await loadKnowledgeBase({ dir: fixturesDir });
    expect(problems.some((p) => p.file.endsWith('README.md'))).toBe(false);
    expect(problems.find((p) => p.file.endsWith('notes.md'))).toMatchObject({ severity: 'warning', path: 'title' });
    expect(data.incidents.map((i) => i.id)).not.toContain('notes');
    expect(data.incidents.every((i) => i.origin === 'breaches.cloud')).toBe(true);
  });
});
