/**
 * Validates Adaptive Cards with Microsoft's `adaptivecards` package (parse + property validation), the way the
 * Teams tests prove every rendered card is well formed. The package needs a DOM: jsdom provides it, set up on the
 * test's globals only.
 */
import { createRequire } from 'node:module';

type AdaptiveCardsModule = typeof import('adaptivecards');
/** jsdom ships no types; this is the part used here. */
type JsdomModule = { JSDOM: new (html: string) => { window: Record<string, unknown> } };
const require = createRequire(import.meta.url);

let cached: AdaptiveCardsModule | undefined;

function loadAdaptiveCards(): AdaptiveCardsModule {
  if (cached) return cached;
  const g = globalThis as Record<string, unknown>;
  if (g.document === undefined) {
    const { JSDOM } = require('jsdom') as JsdomModule;
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    g.window = dom.window;
    g.document = dom.window.document;
    for (const name of ['HTMLElement', 'Element', 'Node', 'DOMParser']) g[name] = dom.window[name];
  }
  // The package's `lib/` is extensionless ESM that Node cannot load; its UMD bundle works with require.
  cached = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;
  return cached;
}

export interface CardCheck {
  /** parse warnings/errors and validation failures, as readable strings */
  problems: string[];
  /** element ids seen more than once */
  duplicateIds: string[];
}

/** Parses and validates a card JSON against Adaptive Cards 1.5. */
export function checkAdaptiveCard(card: unknown): CardCheck {
  const AC = loadAdaptiveCards();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${event.message}`);
  }
  const results = parsed.validateProperties();
  for (const event of results.validationEvents) problems.push(`validate: ${event.message}`);
  const duplicateIds = Object.entries(results.allIds)
    .filter(([, count]) => count > 1)
    .map(([id]) => id);
  if (parsed.getJsonTypeName() !== 'AdaptiveCard') problems.push('not an AdaptiveCard');
  return { problems, duplicateIds };
}
