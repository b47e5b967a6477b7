/** `digest …` without a channel to store it in (CLI, web page): explains where digests are set up. */
import type { Answer } from '../answer.js';
import { makeAnswer } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import type { Command } from '../command.js';
import { DIGEST_EXAMPLE } from '../parse-digest.js';

export function respondDigest(ask: Ask, command: Command & { type: 'digest' }): Answer {
  if (command.action === 'invalid') {
    return makeAnswer(ask.kb, {
      kind: 'clarify',
      intent: 'digest',
      incident: ask.incident?.id ?? null,
      title: 'That digest command did not parse',
      sections: [{ text: command.error }],
      suggestions: ['digest daily 09:00 Europe/Berlin', 'digest weekly monday 09:00 America/New_York'],
      confidence: 0.5,
      question: ask.question,
    });
  }
  return makeAnswer(ask.kb, {
    intent: 'digest',
    incident: ask.incident?.id ?? null,
    title: 'Digests are set up in a chat channel',
    sections: [
      {
        text: `A digest posts what changed in the knowledge base into a channel on a schedule. Type the command in the chat channel that should receive it (\`/breach digest …\` or \`@breachbot digest …\`). ${DIGEST_EXAMPLE}`,
      },
    ],
    suggestions: ['help', 'timeline'],
    confidence: 1,
    question: ask.question,
  });
}
