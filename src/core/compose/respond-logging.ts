/**
 * `logging`: what to enable, collect and look for to detect this kind of intrusion, with the licence tier each step
 * needs. Falls back to lessons and logging-tagged events for incidents without recommendations.
 */
import type { Answer, AnswerItem } from '../answer.js';
import { incidentName, makeAnswer, moreCommand, noneAnswer, pageLabel, pageOf } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import { factOf, factsAndItems } from '../facts.js';
import type { Incident } from '../model.js';
import { passagesOf } from '../search/incident-passages.js';
import type { Passage } from '../search/passages.js';

/** Recommendations per page: at most five facts before "More". */
const PAGE_SIZE = 5;

export function respondLogging(ask: Ask, confidence = 1, ranked?: Passage[]): Answer {
  const { kb, incident } = ask;
  if (!incident) return noneAnswer(kb, undefined, ask.question, 'No incidents are loaded.');
  const recommendations = ranked ?? passagesOf(kb, incident.id, 'recommendation').filter((p) => !p.supersededBy);
  if (recommendations.length === 0) {
    const lessons = passagesOf(kb, incident.id, 'lesson');
    if (lessons.length === 0) {
      return noneAnswer(
        kb,
        incident,
        ask.question,
        `The knowledge base has no logging advice for ${incidentName(incident)}.`,
        ['timeline', 'technique'],
      );
    }
    const made = factsAndItems(kb, lessons.slice(0, PAGE_SIZE));
    return makeAnswer(kb, {
      intent: 'logging',
      incident: incident.id,
      title: `Lessons from ${incidentName(incident)}`,
      sections: [{ items: made.items }],
      facts: made.facts,
      suggestions: ['timeline', 'technique'],
      confidence: Math.min(confidence, 0.8),
      question: ask.question,
    });
  }
  const page = pageOf(recommendations, ask.page, PAGE_SIZE);
  const facts = page.items.map((p) => factOf(kb, p));
  const items: AnswerItem[] = page.items.map((p, i) => {
    const rec = p.ref.kind === 'recommendation' ? p.ref.item : undefined;
    const notes = [
      rec?.lookFor ? `Look for: ${rec.lookFor}` : undefined,
      rec?.prerequisites ? `Needs: ${rec.prerequisites}` : undefined,
      rec ? `Why: ${rec.why}` : undefined,
      facts[i]?.correctionNote,
    ].filter(Boolean);
    return {
      label: rec?.title ?? p.title,
      text: rec?.action ?? p.text,
      factId: p.id,
      ...(notes.length > 0 ? { note: notes.join('\n') } : {}),
    };
  });
  return makeAnswer(kb, {
    intent: 'logging',
    incident: incident.id,
    title: `Logging and detection for ${incidentName(incident)}${pageLabel(page)}`,
    sections: [{ items }],
    facts,
    suggestions: [...termToExplain(incident), 'indicators', 'timeline'],
    confidence,
    more: page.next ? moreCommand('logging', incident, kb, page.next) : undefined,
    question: ask.question,
  });
}

/** "what is X?" for the glossary term the first piece of advice tells you to look for, if there is one. */
function termToExplain(incident: Incident): string[] {
  const lookFor = incident.recommendations.find((r) => r.lookFor)?.lookFor?.toLowerCase() ?? '';
  const term = incident.glossary.find((t) => lookFor.includes(t.term.toLowerCase()));
  return term ? [`what is ${term.term}?`] : [];
}
