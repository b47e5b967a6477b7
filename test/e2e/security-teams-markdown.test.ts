// Issue 12.13a: knowledge-base text is not trusted Markdown on Teams. The real server (local mode, 127.0.0.1) loads
// a temp INCIDENTS_DIR holding one invented incident whose title and fact texts carry a Markdown link, **bold** and
// a card date function; a Teams message through the Bot Framework stand-in gets a card. On the card the fake
// connector received, a CommonMark parser (remark) must find nothing but plain text in every TextBlock, no
// `{{DATE(` may be left to evaluate, and the hostile text must still arrive verbatim in RichTextBlock runs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CardElement } from '../../adapters/teams/render.js';
import { markdownTypes, walk } from '../fixtures/card-markdown.js';
import { teamsActivity } from '../fixtures/teams.js';
import { cardsOf, startTeamsBot, useTeamsBot } from './teams-harness.js';
import { REPO_ROOT, tempDir } from './web-support.js';

const LINK = '[link](http://evil.example/x)';
const BOLD = '**bold**';
const DATE_FN = '{{DATE(2017-02-14T06:00:00Z, SHORT)}}';
/** the short name answers use in their titles (an alias of at most 24 characters) */
const ALIAS = '**bold** [a](http://e.x)';
const hostile = (words: string) => `${words} ${LINK} ${BOLD} ${DATE_FN} end`;

/** The loader tests' invented incident, with Markdown in its title and in the texts of its facts. */
function hostileIncidentsDir(): string {
  const dir = path.join(tempDir('breachbot-md-'), 'incidents');
  mkdirSync(dir);
  const q = (text: string) => JSON.stringify(text);
  const yaml = readFileSync(path.join(REPO_ROOT, 'test/fixtures/kb/valid/incidents/example-bucket.yaml'), 'utf8')
    .replace('title: Example Corp storage bucket left public', `title: ${q(hostile('Example Corp bucket'))}`)
    .replace('aliases: [example bucket, examplecorp]', `aliases: [${q(ALIAS)}, example bucket, examplecorp]`)
    .replace('text: Closed; the bucket was made private.', `text: ${q(hostile('Closed'))}`)
    .replace('title: A deploy script makes the bucket public.', `title: ${q(hostile('A deploy script'))}`)
    .replace('title: The bucket is made private again.', `title: ${q(hostile('Made private'))}`)
    .replace('impact: Customer invoices were readable.', `impact: ${q(hostile('Invoices readable'))}`);
  expect(yaml.split(LINK).length - 1).toBe(5);
  writeFileSync(path.join(dir, 'example-bucket.yaml'), yaml);
  return dir;
}

const teams = useTeamsBot(() => startTeamsBot({ env: { INCIDENTS_DIR: hostileIncidentsDir() } }));

describe('a Teams card answering from a knowledge base whose texts hold Markdown', () => {
  it('loaded the hostile incident', () => {
    expect(teams.bot.running.kb.incidents.map((i) => i.id)).toEqual(['example-bucket']);
  });

  it.each(['timeline', 'status', 'who was affected'])(
    '"%s": no TextBlock carries the Markdown unescaped; the runs carry it verbatim',
    async (question) => {
      const response = await teams.bot.post(teamsActivity({ text: question, serviceUrl: teams.serviceUrl() }));
      expect(response.status).toBe(200);
      const [reply] = await teams.connector.waitFor(1);
      const [card] = cardsOf(reply!);
      expect(card).toBeDefined();
      const textBlocks: string[] = [];
      const runs: string[] = [];
      walk(card?.body, (element) => {
        if (element.type === 'TextBlock' && typeof element.text === 'string') textBlocks.push(element.text);
        if (element.type === 'RichTextBlock') {
          const inlines = element.inlines as Array<string | CardElement>;
          runs.push(inlines.map((i) => (typeof i === 'string' ? i : String(i.text))).join(''));
        }
      });
      // the title names the incident by its hostile alias: Markdown that reached a TextBlock, shown escaped
      expect(textBlocks[0]?.replace(/\\(.)/g, '$1')).toContain(ALIAS);
      for (const text of textBlocks) {
        expect(markdownTypes(text), text).toEqual([]);
        expect(text).not.toContain(LINK);
        expect(text).not.toContain(BOLD);
      }
      // the fallback text is rendered as Markdown by clients that cannot show the card: escaped and defused too
      expect(JSON.stringify([card?.body, card?.actions, card?.fallbackText])).not.toContain('{{DATE(');
      expect(markdownTypes(String(card?.fallbackText ?? '')), 'fallbackText').toEqual([]);
      const shown = [...runs, ...textBlocks.map((t) => t.replace(/\\(.)/g, '$1'))].join('\n');
      expect(shown).toContain(`${LINK} ${BOLD} {\u200b{DATE(`);
    },
  );
});
