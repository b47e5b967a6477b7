/**
 * The search-based message extension: what a person types in the compose box goes through the shared message
 * handler (like every other surface, so a query nothing answers reaches the question log), and each fact of the
 * answer (timeline event, victim, recommendation, indicator…) becomes a result card to insert.
 *
 * @example
 * const response = await searchExtensionResponse(handle, 'victims');
 */
import type { MessagingExtensionAttachment, MessagingExtensionResponse } from 'botbuilder';
import type { MessageHandler } from '../../src/chat/handle-message.js';
import type { Answer, AnswerFact } from '../../src/core/answer.js';
import { escapeTeamsMarkdown, linkRun, richText, textRuns } from './card-text.js';
import { CARD_VERSION, MAX_SEARCH_RESULTS } from './limits.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard, FACT_ID_PREFIX } from './render.js';

/** The manifest's search command id. */
export const SEARCH_COMMAND_ID = 'searchIncidents';
/** What an empty compose-box query shows (the manifest sets `initialRun`). */
const INITIAL_QUERY = 'timeline';

/** The query text of a `composeExtension/query` invoke value. */
export function queryText(value: unknown): string {
  const parameters = (value as { parameters?: unknown } | undefined)?.parameters;
  if (!Array.isArray(parameters)) return '';
  for (const p of parameters as Array<{ name?: unknown; value?: unknown }>) {
    if (p?.name === 'initialRun') return '';
    if (typeof p?.value === 'string') return p.value.trim().slice(0, 300);
  }
  return '';
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One fact as a small card to insert into a message; its text is never read as Markdown (`card-text.ts`). */
export function factToCard(fact: AnswerFact, answer: Answer): AdaptiveCard {
  const sources = answer.sources.filter((s) =>
    s.n !== undefined ? (fact.cites ?? []).includes(s.n) : fact.sources.includes(s.id),
  );
  const body: AdaptiveCard['body'] = [];
  if (fact.date) body.push({ type: 'TextBlock', text: fact.date, weight: 'Bolder', fontType: 'Monospace' });
  body.push(richText(textRuns(fact.text), { id: `${FACT_ID_PREFIX}${fact.id}` }));
  for (const s of sources) {
    body.push(
      richText([linkRun(`${s.publisher}: ${s.title}`, s.url, { size: 'Small', isSubtle: true })], { spacing: 'None' }),
    );
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    fallbackText: escapeTeamsMarkdown(`${fact.date ? `${fact.date}: ` : ''}${fact.text}`),
  };
}

function resultOf(fact: AnswerFact, answer: Answer): MessagingExtensionAttachment {
  return {
    contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    content: factToCard(fact, answer),
    preview: {
      contentType: 'application/vnd.microsoft.card.thumbnail',
      // a result row shows its title on one line and a little of its text: a short title (the date, or the
      // answer's title) keeps the fact itself readable instead of a long bold title running over it
      content: { title: shorten(fact.date ?? answer.title, 40), text: shorten(fact.text, 160) },
    },
  };
}

/**
 * Answers a compose-box query with result cards, or a short message when nothing matches. No conversation is passed:
 * the compose box searches, it never sets up a digest.
 */
export async function searchExtensionResponse(
  handle: MessageHandler,
  query: string,
): Promise<MessagingExtensionResponse> {
  const text = query === '' ? INITIAL_QUERY : query;
  const answer = await handle({ platform: 'teams', text });
  if (answer.kind !== 'answer' || answer.facts.length === 0) {
    const hint = answer.suggestions.length > 0 ? ` Try: ${answer.suggestions.slice(0, 3).join(', ')}.` : '';
    return {
      composeExtension: {
        type: 'message',
        text: `Nothing in the knowledge base matches “${shorten(text, 80)}”.${hint}`,
      },
    };
  }
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: answer.facts.slice(0, MAX_SEARCH_RESULTS).map((fact) => resultOf(fact, answer)),
    },
  };
}
