/**
 * Answer → the JSON object of `breachbot ask --json` and `POST /api/ask` (CONTRACTS.md). `text` is the whole
 * answer as plain text.
 *
 * @example
 * JSON.stringify(toAnswerJson(answer))
 */
import type { Answer, AnswerJson } from './answer.js';
import { answerToPlainText } from './plain-text.js';

export function toAnswerJson(answer: Answer): AnswerJson {
  const json: AnswerJson = {
    kind: answer.kind,
    intent: answer.intent,
    incident: answer.incident,
    confidence: answer.confidence,
    title: answer.title,
    text: answerToPlainText(answer),
    facts: answer.facts.map((f) => ({
      id: f.id,
      text: f.text,
      ...(f.date ? { date: f.date } : {}),
      sources: f.sources,
      ...(f.incident ? { incident: f.incident } : {}),
      ...(f.corrects && f.corrects.length > 0 ? { corrects: f.corrects } : {}),
      ...(f.correctionNote ? { correctionNote: f.correctionNote } : {}),
      ...(f.cites && f.cites.length > 0 ? { cites: f.cites } : {}),
    })),
    sources: answer.sources.map((s) => ({
      id: s.id,
      publisher: s.publisher,
      title: s.title,
      url: s.url,
      ...(s.date ? { date: s.date } : {}),
      ...(s.n !== undefined ? { n: s.n } : {}),
      ...(s.tier ? { tier: s.tier } : {}),
    })),
    suggestions: answer.suggestions,
    kbVersion: answer.kbVersion,
  };
  if (answer.more) json.more = answer.more;
  if (answer.asOf) json.asOf = answer.asOf;
  const code = answer.sections.flatMap((section) => (section.code ? [section.code] : []));
  if (code.length > 0) json.code = code;
  return json;
}
