/**
 * A small, made-up incident for digest tests (unit and e2e): a few timeline events (one on 1 December 2023, for
 * "on this day"), two statements, three recommendations and two sources. Nothing here is real.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { type Incident, type IncidentInput, incidentSchema } from '../../src/core/model.js';
import { projectLanguage } from '../fixtures/language.js';

export function fixtureIncident(overrides: Partial<IncidentInput> = {}): IncidentInput {
  return {
    id: 'demo-breach',
    title: 'Demo breach',
    aliases: ['demo'],
    summary: 'A made-up intrusion used by the digest tests.',
    status: { text: 'Investigation closed; two fixes still rolling out.', asOf: '2026-06-01', sources: ['src-a'] },
    timeline: [
      { id: 'tl-2023-05-15', date: '2023-05-15', title: 'First sign-in with a forged token', sources: ['src-a'] },
      { id: 'tl-2023-06-16', date: '2023-06-16', title: 'A customer reports odd mailbox access', sources: ['src-a'] },
      { id: 'tl-2023-12-01', date: '2023-12-01', title: 'Vendor publishes its root-cause report', sources: ['src-b'] },
    ],
    technique: {
      summary: 'Forged tokens from a stolen signing key.',
      details: [
        { id: 'tech-key', text: 'A consumer signing key was accepted for enterprise mail.', sources: ['src-b'] },
      ],
    },
    recommendations: [
      {
        id: 'rec-logs',
        title: 'Keep mail access logs',
        why: 'They showed the intrusion.',
        action: 'Turn on mailbox audit logs.',
        sources: ['src-a'],
      },
      {
        id: 'rec-keys',
        title: 'Rotate signing keys',
        why: 'An old key stayed valid.',
        action: 'Rotate keys on a schedule.',
        sources: ['src-b'],
      },
      {
        id: 'rec-scope',
        title: 'Check token scope',
        why: 'Scope checks were missing.',
        action: 'Validate issuer and audience.',
        sources: ['src-b'],
      },
    ],
    sources: [
      {
        id: 'src-a',
        publisher: 'Example Vendor',
        title: 'Initial notice',
        url: 'https://example.com/a',
        date: '2023-07-11',
        kind: 'vendor',
      },
      {
        id: 'src-b',
        publisher: 'Example Board',
        title: 'Review',
        url: 'https://example.com/b',
        date: '2024-04-02',
        kind: 'government',
      },
    ],
    ...overrides,
  };
}

export function fixtureKb(incident: IncidentInput = fixtureIncident(), version = 'kb-1'): KnowledgeBase {
  const parsed: Incident = incidentSchema.parse(incident);
  return createKnowledgeBase({
    incidents: [parsed],
    synonyms: [],
    language: projectLanguage(),
    version,
    defaultIncident: parsed.id,
  });
}

/** Writes the incident as a native JSON file into `dir` (created), for processes that load a data folder. */
export async function writeFixture(dir: string, incident: IncidentInput = fixtureIncident()): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${incident.id}.json`);
  await writeFile(file, JSON.stringify(incident, null, 2));
  return file;
}
