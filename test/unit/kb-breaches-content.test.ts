/**
 * The breaches.cloud loader keeps only content: each rule on the invented write-up editorial.md and on small texts.
 */
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/core/model.js';
import { lineWith, loadFixture } from './kb-breaches-helpers.js';

/** Every text a person could be shown from an incident (not ids, URLs or dates). */
function shownTexts(incident: Incident): string[] {
  const statements = [
    ...(incident.attribution?.details ?? []),
    ...(incident.technique?.details ?? []),
    ...incident.aftermath,
    ...incident.lessons,
  ];
  return [
    incident.summary,
    incident.status.text,
    incident.attribution?.actor ?? '',
    incident.attribution?.summary ?? '',
    incident.technique?.summary ?? '',
    ...incident.timeline.flatMap((e) => [e.title, e.detail]),
    ...statements.flatMap((s) => [s.title ?? '', s.text]),
    ...incident.victims.flatMap((v) => [v.name, v.impact]),
  ].filter((t) => t !== '');
}

const editorial = () => loadFixture('editorial.md');
const technique = (i: Incident) => i.technique?.details.map((s) => s.text) ?? [];

describe('breaches.cloud content: placeholders', () => {
  it('drops a placeholder with the preposition that introduces it, and keeps the rest of the sentence', () => {
    const { incident } = editorial();
    expect(incident.attribution?.details[0]?.text).toBe(
      'Nobody attacked Initech. The engineer who changed the policy was named in a filing and let go.',
    );
  });

  it('drops a sentence whose placeholder cannot go alone', () => {
    const texts = shownTexts(editorial().incident).join('\n');
    expect(texts).not.toMatch(/customers were told/);
    expect(texts).not.toMatch(/\bXX\b|\bTBD\b/);
  });

  it('reads a final status that is a placeholder as no final status', () => {
    expect(editorial().incident.status.text).toBe('No final status given in the write-up');
  });

  it("leaves out a description that is the template's instruction, with a warning at its line", () => {
    const { problems, file } = editorial();
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'description', severity: 'warning', line: lineWith(file, 'description:') }),
    );
  });
});

describe("breaches.cloud content: the writer's asides", () => {
  it('drops "(emphasis mine)", "[sic]", "(see below)" and page references', () => {
    const texts = shownTexts(editorial().incident).join('\n');
    expect(texts).not.toMatch(/emphasis mine|\[sic\]|see below|\(p\d+\)|p12\)/i);
    expect(editorial().incident.summary).toBe(
      'Initech Cloud, an invented hosting firm, left a backup bucket open to anyone in April 2019.',
    );
  });

  it('joins an introducing paragraph to the quote it introduces', () => {
    expect(technique(editorial().incident)[0]).toBe(
      'Per the Initech notice: An engineer left a bucket public while moving backups between accounts.',
    );
  });

  it('drops references to pictures that are not loaded, and their captions', () => {
    const { incident } = editorial();
    expect(technique(incident)[1]).toBe('The bucket listed every file.');
    expect(shownTexts(incident).join('\n')).not.toMatch(/screenshot|courtesy|Image by/i);
  });

  it('drops a link that only points at a source from the text, and keeps it as a source', () => {
    const { incident } = editorial();
    expect(technique(incident)[2]).toBe(
      'The bucket held 12,000 customer records. The researcher who found it, Jane Q. Public, wrote to Initech Corp. twice before anyone answered.',
    );
    const reply = incident.sources.find((s) => s.url === 'https://news.example.com/initech-reply');
    expect(incident.technique?.details[2]?.sources).toContain(reply?.id);
  });

  it('drops a sentence that only points elsewhere in the page', () => {
    expect(technique(editorial().incident)[3]).toBe(
      'The company later said it did not know how long the bucket had been open.',
    );
  });

  it('drops emphasis marks left unparsed beside a space', () => {
    expect(editorial().incident.attribution?.details[1]?.text).toBe(
      'The engineer was charged with one count of Careless Storage of Records.',
    );
  });
});

describe('breaches.cloud content: section names and titles', () => {
  it('does not repeat a section name as the title of its statements; a sub-heading of its own is a title', () => {
    const details = editorial().incident.technique?.details ?? [];
    expect(details.slice(0, 4).map((s) => s.title)).toEqual([undefined, undefined, undefined, undefined]);
    expect(details[4]).toMatchObject({ title: 'The migration plan' });
  });

  it('takes a lesson label ("Label - text", "**Label**: text") as its title', () => {
    const lessons = editorial().incident.lessons;
    expect(lessons.map((l) => [l.title, l.text])).toEqual([
      ['Bucket Policies', 'Deny public access at the account level.'],
      ['Backups', 'Keep backups in an account that only the backup job can write to.'],
      [undefined, 'Review old buckets once a quarter.'],
    ]);
  });

  it("drops a lesson list's introducing sentence and gives its source to every item", () => {
    const { incident } = editorial();
    const notice = incident.sources.find((s) => s.url === 'https://initech.example.com/notice');
    expect(incident.lessons.every((l) => l.sources.includes(notice?.id ?? ''))).toBe(true);
    expect(shownTexts(incident).join('\n')).not.toMatch(/following lessons/);
  });
});

describe('breaches.cloud content: timeline rows', () => {
  it('titles a row with its first sentence and keeps the rest as the detail, with no ellipsis', () => {
    expect(editorial().incident.timeline[1]).toMatchObject({
      title: 'A researcher finds the bucket and writes to Initech.',
      detail: 'Nobody answers for a week.',
    });
  });

  it('cuts a long first sentence at a clause boundary, with an ellipsis and the whole text as the detail', () => {
    const row = editorial().incident.timeline[0];
    expect(row?.title).toBe('An engineer makes the backup bucket public while moving backups between accounts…');
    expect(row?.detail).toMatch(/^An engineer makes .* planned for months\.$/);
  });

  it('leaves out a row that repeats another word for word, with a warning at its line', () => {
    const { incident, problems } = editorial();
    expect(incident.timeline.map((e) => e.date)).toEqual(['2019-04-02', '2019-04-20', '2019-05-01']);
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'timeline[2]',
        severity: 'warning',
        message: expect.stringMatching(/repeats row 2/),
      }),
    );
  });
});
