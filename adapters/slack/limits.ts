/**
 * Slack's published limits for messages and Block Kit, in one place. Renderers and tests read them from here.
 * Sources: Block Kit reference (blocks, section, header, context, actions, button) and chat.postMessage.
 */
export const SLACK_LIMITS = {
  /** blocks in one message */
  messageBlocks: 50,
  /** blocks in a Home tab or modal view */
  viewBlocks: 100,
  /** a section block's text */
  sectionText: 3000,
  /** a header block's plain text */
  headerText: 150,
  /** one element of a context block */
  contextElementText: 2000,
  /** elements in one context block */
  contextElements: 10,
  /** elements in one actions block */
  actionsElements: 25,
  /** a button's label */
  buttonText: 75,
  /** a button's value */
  buttonValue: 2000,
  /** an action_id or block_id */
  actionId: 255,
  /** the top-level `text` of a message; we keep fallback text far below Slack's 40,000 */
  fallbackText: 3000,
} as const;

/** How long a slash command may take before we ack empty and answer through `response_url` (Slack allows 3 s). */
export const ACK_BUDGET_MS = 2000;
