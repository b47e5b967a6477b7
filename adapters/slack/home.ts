/**
 * The App Home tab: what breachbot knows (each incident with its status and when it was last updated) and example
 * questions as buttons.
 *
 * @example
 * await client.views.publish({ user_id: event.user, view: buildHomeView(kb) });
 */
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { SLACK_LIMITS } from './limits.js';
import type { Block, ButtonElement } from './render.js';
import { ACTIONS } from './render.js';
import { clip, escapeMrkdwn, safePlain } from './text.js';

/** Example questions shown as buttons (each is what a person could type after the slash command). */
export const HOME_EXAMPLES = [
  'timeline july 2023',
  'victims',
  'logging',
  'how did they forge the tokens?',
  'status',
  'incidents',
];

export interface HomeView {
  type: 'home';
  blocks: Block[];
}

/** Builds the Home tab view for the loaded knowledge base. */
export function buildHomeView(kb: KnowledgeBase, command = '/breach'): HomeView {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'breachbot', emoji: true } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `Answers about cloud security incidents from a curated, sourced knowledge base. Ask with \`${escapeMrkdwn(command)} help\`, mention me in a channel, or message me here.`,
      },
    },
    { type: 'divider' },
  ];
  const room = SLACK_LIMITS.viewBlocks - blocks.length - 4;
  for (const incident of kb.incidents.slice(0, room)) {
    const updated = incident.updated ? ` · updated ${escapeMrkdwn(incident.updated)}` : '';
    const text = `*${escapeMrkdwn(incident.title)}* (\`${escapeMrkdwn(incident.id)}\`)\n${escapeMrkdwn(incident.status.text)}\n_Status as of ${escapeMrkdwn(incident.status.asOf)}${updated}_`;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText) } });
  }
  if (kb.incidents.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '_No incidents are loaded yet._' } });
  }
  blocks.push({ type: 'divider' });
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '*Try asking*' } });
  const buttons: ButtonElement[] = HOME_EXAMPLES.map((q, i) => ({
    type: 'button',
    text: { type: 'plain_text', text: clip(safePlain(q), SLACK_LIMITS.buttonText) },
    action_id: `${ACTIONS.ask}:home:${i}`,
    value: q,
  }));
  blocks.push({ type: 'actions', elements: buttons });
  return { type: 'home', blocks };
}
