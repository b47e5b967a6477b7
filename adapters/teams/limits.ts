/** Teams limits the renderers and the search extension stay inside. */

/** Teams rejects a message over about 28 KB (activity JSON); cards are kept well under it. */
export const MAX_CARD_BYTES = 24_000;
/** The Adaptive Card version Teams renders. */
export const CARD_VERSION = '1.5';
/** Top-level actions shown on a card (Teams shows up to six). */
export const MAX_ACTIONS = 6;
/** Source links listed under an answer. */
export const MAX_SOURCES = 8;
/** Results a search-based message extension returns (Teams shows up to 25). */
export const MAX_SEARCH_RESULTS = 25;
/** Longest text kept from a single item, in characters. */
export const MAX_ITEM_CHARS = 1_500;
/** Largest request body accepted at `/api/messages`. */
export const MAX_BODY_BYTES = 256 * 1024;
