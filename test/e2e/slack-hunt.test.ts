// `/breach hunt …` through the real server and Bolt: the answer carries the incident's queries for the platform
// asked for, as code, the same queries `breachbot hunt` prints.
import { describe, expect, it } from 'vitest';
import { huntQueries } from '../../src/hunt/hunt-queries.js';
import { postToSlackEndpoint, slashCommand } from '../fixtures/slack.js';
import { blocksText, useSlackBot } from './slack-harness.js';

interface AckBody {
  response_type?: string;
  text?: string;
  blocks?: Array<{ type: string; text?: { text: string } }>;
}

const slack = useSlackBot();

/** The first lines of a query: what a code block shows even when a long query is cut to fit Slack's limits. */
const head = (query: string) => query.split('\n').slice(0, 2).join('\n');

describe('/breach hunt', () => {
  it.each([
    ['hunt', 'kql'],
    ['hunt splunk', 'spl'],
    ['hunt powershell', 'powershell'],
    ['hunt sigma', 'sigma'],
  ] as const)('"/breach %s" answers privately with the %s queries', async (text, platform) => {
    const res = await postToSlackEndpoint(slack.bot.url, slashCommand({ text }));
    expect(res.status).toBe(200);
    const ack = res.json as AckBody;
    expect(ack.response_type).toBe('ephemeral');
    const shown = blocksText(ack.blocks);
    const incident = slack.bot.running.kb.incident('storm-0558');
    if (!incident) throw new Error('storm-0558 is not loaded');
    const queries = huntQueries(incident, platform);
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) expect(shown).toContain(head(q.query).split('\n')[0]);
    expect(shown).toContain('Hunting queries for');
  });
});
