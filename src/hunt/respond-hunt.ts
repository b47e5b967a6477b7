/**
 * The `hunt` chat command (`hunt`, `hunt kql`, `hunt splunk`, `storm-0558 hunt sigma`): the incident's hunting
 * queries for one platform, one section per query with the query as a copyable code block. Without a platform word
 * it gives KQL and offers the others.
 *
 * @example
 * respondHunt(kb, parseCommand('hunt splunk', kb) as HuntCommand)
 */
import type { Answer, AnswerFact, AnswerSection } from '../core/answer.js';
import { incidentName, makeAnswer, noneAnswer } from '../core/answer-base.js';
import type { Command } from '../core/command.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { huntQueries } from './hunt-queries.js';
import { HUNT_PLATFORMS, type HuntPlatform, platformFromWords, platformInfo } from './platforms.js';

export type HuntCommand = Command & { type: 'hunt' };

const DEFAULT_PLATFORM: HuntPlatform = 'kql';

/** The words that ask for a platform, as a suggestion a person can tap: `hunt splunk`. */
const suggestionFor = (platform: HuntPlatform) => `hunt ${platform === 'spl' ? 'splunk' : platform}`;

/** Answers a `hunt` command from the incident's detections. */
export function respondHunt(kb: KnowledgeBase, command: HuntCommand): Answer {
  const incident = (command.incident ? kb.incident(command.incident) : undefined) ?? kb.defaultIncident;
  if (!incident)
    return noneAnswer(kb, undefined, command.raw, 'No incident is loaded, so there is nothing to hunt for.');
  const name = incidentName(incident);
  if (incident.detections.length === 0) {
    return noneAnswer(
      kb,
      incident,
      command.raw,
      `The knowledge base has no hunting queries for ${name} yet. Its indicators and logging advice may still help.`,
      ['indicators', 'logging'],
    );
  }
  const asked = command.words ? platformFromWords(command.words) : undefined;
  const platform = asked ?? DEFAULT_PLATFORM;
  const info = platformInfo(platform) ?? (HUNT_PLATFORMS[0] as NonNullable<ReturnType<typeof platformInfo>>);
  const queries = huntQueries(incident, platform);
  const unknownWords = command.words && !asked ? ` I don't know "${command.words.slice(0, 40)}" as a platform;` : '';
  const intro: AnswerSection = {
    text:
      `${unknownWords} ${queries.length} ${info.label} ${queries.length === 1 ? 'query' : 'queries'} for ${name}, ` +
      `generated from the ${incident.detections.length} detections in the knowledge base; indicator values come from ` +
      'its indicator list. A match is a lead to investigate, and no match says nothing about logs you no longer keep.',
  };
  const sections: AnswerSection[] = [intro];
  const facts: AnswerFact[] = [];
  for (const query of queries) {
    const first = !facts.some((f) => f.id === query.id);
    // the why is shown once per detection, as the item of the fact it cites; a second product's query adds only code
    sections.push({
      heading: `${query.title} (${query.product})`,
      ...(first ? { items: [{ text: query.why, factId: query.id }] } : {}),
      code: { text: query.query, language: platform, label: query.product },
    });
    if (first) facts.push({ id: query.id, text: query.why, sources: query.sources });
  }
  intro.text = intro.text?.trim();
  return makeAnswer(kb, {
    intent: 'hunt',
    incident: incident.id,
    title: `Hunting queries for ${name}: ${info.label}`,
    sections,
    facts,
    suggestions: [...HUNT_PLATFORMS.filter((p) => p.id !== platform).map((p) => suggestionFor(p.id)), 'indicators'],
    confidence: 1,
    question: command.raw,
  });
}
