/**
 * The shape of every Slack payload breachbot acts on, checked once before Bolt sees it: a signed payload that
 * Slack would never send (a `block_actions` without a `user`, a message whose `text` is an object, …) is refused
 * with a reason (HTTP 400; in Socket Mode acked and dropped), so no listener meets a field of the wrong type.
 * Fields are checked only where breachbot reads them; everything else passes through untouched.
 *
 * The schemas are plain `z.object`s: only whether a payload passes is used, never zod's output (which drops
 * unknown keys), and a plain object checks its declared fields alone, where a loose one would also visit and copy
 * every other key of the payload (a slash command has a dozen) on each request.
 *
 * @example
 * const problem = payloadProblem(body);
 * if (problem) return refuse(res, 400, problem);
 */
import { z } from 'zod';

const id = z.string().min(1);
const optionalText = z.string().optional();

const slashCommand = z.object({
  command: z.string().regex(/^\/\S+$/, 'must be a slash command such as /breach'),
  text: optionalText,
  team_id: id,
  channel_id: id,
  user_id: id,
  response_url: optionalText,
  is_ext_shared_channel: optionalText,
});

const blockActions = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id, team_id: optionalText }),
  actions: z.array(z.object({ action_id: optionalText, type: optionalText, value: optionalText })),
  team: z.object({ id: optionalText }).nullish(),
  channel: z.object({ id: optionalText }).nullish(),
  container: z.object({ thread_ts: optionalText }).optional(),
  response_url: optionalText,
});

/** Fields of the message-like events breachbot answers (`app_mention`, `message`). */
const messageFields = {
  channel: id,
  user: optionalText,
  user_team: optionalText,
  text: optionalText,
  ts: id,
  thread_ts: optionalText,
  subtype: optionalText,
  bot_id: optionalText,
  channel_type: optionalText,
};

const EVENTS: Record<string, z.ZodType> = {
  app_mention: z.object({ ...messageFields, text: z.string() }),
  message: z.object(messageFields),
  app_home_opened: z.object({ user: id, tab: optionalText }),
};

const eventCallback = z.object({
  type: z.literal('event_callback'),
  team_id: optionalText,
  event_id: optionalText,
  is_ext_shared_channel: z.boolean().optional(),
  event: z.object({ type: id }),
});

const urlVerification = z.object({ type: z.literal('url_verification'), challenge: z.string() });

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'malformed Slack payload';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'payload';
  return `malformed Slack payload: ${where}: ${issue.message}`;
}

const check = (schema: z.ZodType, body: unknown): string | undefined => {
  const result = schema.safeParse(body);
  return result.success ? undefined : describe(result.error);
};

/**
 * Why a parsed Slack payload cannot be handled (a one-line reason for the 400), or undefined when breachbot can
 * act on it. Event types breachbot does not answer pass with only their envelope checked; Bolt ignores them.
 */
export function payloadProblem(body: Record<string, unknown>): string | undefined {
  if ('command' in body) return check(slashCommand, body);
  switch (body.type) {
    case 'block_actions':
      return check(blockActions, body);
    case 'url_verification':
      return check(urlVerification, body);
    case 'app_rate_limited':
      return undefined;
    case 'event_callback': {
      const problem = check(eventCallback, body);
      if (problem) return problem;
      const event = body.event as { type: string };
      const schema = EVENTS[event.type];
      return schema
        ? check(schema, event)?.replace('malformed Slack payload: ', 'malformed Slack payload: event.')
        : undefined;
    }
    default:
      return typeof body.type === 'string'
        ? `unsupported Slack payload type "${body.type.slice(0, 40)}"`
        : 'unsupported Slack payload: no type and no command';
  }
}
