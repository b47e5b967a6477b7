/**
 * The answer to an invoke the bot has no handler for. botbuilder's handlers answer those 501 Not Implemented,
 * which Teams shows the person as a failure ("Unable to reach app"). An invoke's answer is the HTTP response
 * itself, so a polite one is a 200 with the body the invoke's kind expects, carrying a short message where that
 * kind has a message form (task modules, message extensions, configuration, Universal Actions), and an empty 200
 * (received, nothing to do) for the rest.
 *
 * @example
 * if (response.status === 501) return unhandledInvokeResponse(context.activity.name);
 */
import type { InvokeResponse } from 'botbuilder';

/** What the person reads when they used something breachbot does not offer. */
export const UNSUPPORTED_TEXT =
  'breachbot does not support that action. Ask it a question instead: @-mention it in a channel or message it directly.';

/** A 200 answer to an invoke without a handler, shaped for its kind (`name`). */
export function unhandledInvokeResponse(name: string | undefined): InvokeResponse {
  const kind = name ?? '';
  if (kind === 'adaptiveCard/action') {
    return {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: UNSUPPORTED_TEXT },
    };
  }
  if (kind.startsWith('task/') || kind === 'composeExtension/fetchTask' || kind === 'composeExtension/submitAction') {
    return { status: 200, body: { task: { type: 'message', value: UNSUPPORTED_TEXT } } };
  }
  if (kind.startsWith('composeExtension/')) {
    return { status: 200, body: { composeExtension: { type: 'message', text: UNSUPPORTED_TEXT } } };
  }
  if (kind.startsWith('config/'))
    return { status: 200, body: { config: { type: 'message', value: UNSUPPORTED_TEXT } } };
  return { status: 200 };
}
