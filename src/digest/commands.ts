/**
 * `digest …` chat commands, the same on Slack and Teams: subscribe (daily or weekly; saving again replaces the
 * conversation's subscription for that incident), off, status and preview. Invalid input gets a clear answer with an
 * example and nothing is stored.
 *
 * @example
 * const digest = createDigestCommandHandler({ store, kb: () => kb });
 * const handle = createMessageHandler({ kb, store, digest });
 */
import { randomUUID } from 'node:crypto';
import type { DigestCommandHandler, Inbound } from '../chat/handle-message.js';
import type { Answer, AnswerSection } from '../core/answer.js';
import { buildDigest } from '../core/digest.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import type { Store, Subscription } from '../store/store.js';
import { describeInstant, nextRun, scheduleFor, scheduleInUtc } from './schedule.js';
import { readState } from './scheduler.js';

export interface DigestCommandDeps {
  store: Store;
  kb: KnowledgeBase | (() => KnowledgeBase);
  /** new subscription ids (default random UUIDs) */
  newId?: () => string;
}

const EXAMPLES = ['digest daily 09:00 Europe/Berlin', 'digest weekly monday 09:00 America/New_York'];
const PAUSE_HELP = 'Add the bot to this channel again, then subscribe again (for example `digest daily 09:00`).';

function reply(kb: KnowledgeBase, title: string, sections: AnswerSection[], extra: Partial<Answer> = {}): Answer {
  return {
    kind: 'answer',
    intent: 'digest',
    incident: null,
    title,
    sections,
    facts: [],
    sources: [],
    suggestions: ['digest status', 'digest preview', 'digest off'],
    confidence: 1,
    kbVersion: kb.version,
    ...extra,
  };
}

function problem(kb: KnowledgeBase, message: string): Answer {
  return reply(kb, 'That digest command did not work', [{ text: message }], {
    kind: 'clarify',
    suggestions: EXAMPLES,
  });
}

/**
 * A digest command where there is no conversation to post into (the local page, the command line): where digests
 * are set up, and what to ask here instead. Never suggests the digest command itself, which would only come back.
 */
function elsewhere(kb: KnowledgeBase): Answer {
  return reply(
    kb,
    'Digests are set up in a Slack or Teams channel',
    [
      {
        text:
          'A digest is a scheduled post into a Slack channel or a Teams conversation, so it is set up there: type ' +
          'the command in that channel (in Slack after the slash command, in Teams after mentioning the bot). ' +
          'Here you can see what a digest would say with `digest preview`, or type `help` for what else to ask.',
      },
    ],
    { suggestions: ['help', 'digest preview'] },
  );
}

/** Lines describing one subscription for `digest status`. */
export function describeSubscription(sub: Subscription, kb: KnowledgeBase, now: Date): AnswerSection {
  const title = kb.incident(sub.incident)?.title ?? sub.incident;
  const lines: string[] = [`Schedule: ${sub.label} (in UTC: ${scheduleInUtc(sub, now) ?? 'unknown'})`];
  if (sub.paused) {
    lines.push(`Paused after ${sub.consecutiveFailures} failed posts in a row. ${PAUSE_HELP}`);
  } else {
    const next = nextRun(sub, now);
    lines.push(`Next post: ${next ? describeInstant(next, sub.timeZone) : 'none'}`);
  }
  lines.push(
    `Last post: ${sub.lastPostedAt ? describeInstant(new Date(sub.lastPostedAt), sub.timeZone) : 'none yet'}${
      sub.lastKbVersion ? ` (knowledge base ${sub.lastKbVersion})` : ''
    }`,
  );
  if (sub.lastError) {
    const when = sub.lastErrorAt ? ` at ${describeInstant(new Date(sub.lastErrorAt), sub.timeZone)}` : '';
    const streak =
      sub.consecutiveFailures > 0 ? `, ${sub.consecutiveFailures} failure(s) in a row` : ', resolved since';
    lines.push(`Last error: ${sub.lastError}${when}${streak}`);
  } else {
    lines.push('Last error: none');
  }
  return { heading: `${title} digest`, text: lines.join('\n') };
}

/** Creates the handler `createMessageHandler` routes `digest …` commands to. */
export function createDigestCommandHandler(deps: DigestCommandDeps): DigestCommandHandler {
  const currentKb = typeof deps.kb === 'function' ? deps.kb : () => deps.kb as KnowledgeBase;
  const newId = deps.newId ?? randomUUID;

  return async (command, inbound: Inbound, now) => {
    const kb = currentKb();
    const key = inbound.conversation;
    if (command.action === 'invalid') return problem(kb, command.error);
    const incident = command.incident ? kb.incident(command.incident) : kb.defaultIncident;
    if (!incident) return problem(kb, 'No incident is loaded, so there is nothing to send a digest about.');
    if (!key && command.action !== 'preview') return elsewhere(kb);
    const existing = key
      ? (await deps.store.findSubscriptions(key)).filter((s) => !command.incident || s.incident === incident.id)
      : [];
    const current = existing.find((s) => s.incident === incident.id);

    switch (command.action) {
      case 'daily':
      case 'weekly': {
        const result = scheduleFor(command, inbound.userTimeZone);
        if (!result.ok) return problem(kb, result.error);
        if (!key) return problem(kb, 'Use this command in a channel.');
        const { schedule } = result;
        const sub: Subscription = {
          ...key,
          id: newId(),
          incident: incident.id,
          cron: schedule.cron,
          timeZone: schedule.timeZone,
          label: schedule.label,
          kind: schedule.kind,
          createdAt: now.toISOString(),
          ...(inbound.userId ? { createdBy: inbound.userId } : {}),
          consecutiveFailures: 0,
          paused: false,
          // a new schedule keeps what the old one already posted, so nothing is repeated
          ...(current?.lastPostedAt ? { lastPostedAt: current.lastPostedAt } : {}),
          ...(current?.lastKbVersion ? { lastKbVersion: current.lastKbVersion } : {}),
          ...(current?.state ? { state: current.state } : {}),
        };
        await deps.store.saveSubscription(sub);
        const next = nextRun(sub, now);
        const lines = [
          `This conversation gets the ${incident.title} digest ${schedule.label}.`,
          `Next post: ${next ? describeInstant(next, sub.timeZone) : 'none'}.`,
          schedule.kind === 'daily'
            ? 'The first digest is a short brief; after that, a daily digest is posted only on days with something new in the knowledge base.'
            : 'A weekly digest always posts a short brief, with what changed since the last one.',
        ];
        if (current) lines.push(`It replaces the earlier schedule (${current.label}).`);
        return reply(kb, current ? 'Digest schedule changed' : 'Digest scheduled', [{ text: lines.join('\n') }], {
          incident: incident.id,
        });
      }
      case 'off': {
        const removed = (
          await Promise.all(
            existing.filter((s) => s.incident === incident.id).map((s) => deps.store.deleteSubscription(s.id)),
          )
        ).some(Boolean);
        return reply(
          kb,
          removed ? 'Digest turned off' : 'No digest to turn off',
          [
            {
              text: removed
                ? `This conversation no longer gets the ${incident.title} digest.`
                : `This conversation had no ${incident.title} digest. Start one with \`${EXAMPLES[0]}\`.`,
            },
          ],
          { incident: incident.id, suggestions: removed ? EXAMPLES : ['digest status'] },
        );
      }
      case 'status': {
        if (existing.length === 0) {
          return reply(kb, 'No digest in this conversation', [{ text: `Start one with \`${EXAMPLES[0]}\`.` }], {
            suggestions: EXAMPLES,
          });
        }
        return reply(
          kb,
          'Digest status',
          existing.map((s) => describeSubscription(s, kb, now)),
          { incident: existing.length === 1 ? (existing[0]?.incident ?? null) : null },
        );
      }
      case 'preview': {
        const state = current ? readState(current) : {};
        const options = {
          incident: incident.id,
          since: current?.lastPostedAt,
          now,
          previousHashes: state.hashes,
          rotation: state.rotation ?? 0,
          timeZone: current?.timeZone ?? inbound.userTimeZone,
        };
        const kind = current?.kind ?? 'daily';
        const answer = buildDigest(kb, { ...options, kind }) ?? buildDigest(kb, { ...options, kind: 'weekly' });
        if (!answer) return problem(kb, 'There is nothing to preview for this incident.');
        const quiet =
          kind === 'daily' && buildDigest(kb, { ...options, kind }) === null
            ? [
                {
                  text: 'Nothing is new, so the daily digest would stay silent; this is the brief a weekly one would post.',
                },
              ]
            : [];
        return { ...answer, title: `Preview: ${answer.title}`, sections: [...quiet, ...answer.sections] };
      }
    }
  };
}
