/** Teams limits the renderers and the search extension stay inside. */

/** Teams rejects a message over about 28 KB (activity JSON); cards are kept well under it. */
export const MAX_CARD_BYTES = 24_000;
/** The Adaptive Card version Teams renders. */
export const CARD_VERSION = '1.5';
/**
 * Top-level actions shown on a card. Teams shows up to six, but more than four with real labels crowd one row
 * on a narrow window; four fit.
 */
export const MAX_ACTIONS = 4;
/** Longest button label; longer suggestions are cut at a word (the button still asks the whole question). */
export const MAX_LABEL_CHARS = 26;
/** The date column of an answer's table: wide enough for `2023-07-06` and `to 2023-07-06` on one line each. */
export const DATE_COLUMN_WIDTH = '120px';
/** Results a search-based message extension returns (Teams shows up to 25). */
export const MAX_SEARCH_RESULTS = 25;
/** Largest request body accepted at `/api/messages`. */
export const MAX_BODY_BYTES = 256 * 1024;
