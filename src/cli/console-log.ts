/**
 * Libraries that print with `console.*` (botbuilder writes every rejected token's stack trace with
 * `console.error`) are routed into the structured log for as long as the server runs: one JSON line each, the
 * error's stack inside it, nothing free-form on stderr. Our own code never calls `console`.
 *
 * @example
 * const restore = routeConsoleToLog(log);
 * // … serve …
 * restore();
 */
import { format } from 'node:util';
import type { Logger } from '../logger.js';

type Method = 'log' | 'info' | 'debug' | 'trace' | 'warn' | 'error';

const LEVEL: Record<Method, 'debug' | 'info' | 'warn' | 'error'> = {
  log: 'info',
  info: 'info',
  debug: 'debug',
  trace: 'debug',
  warn: 'warn',
  error: 'error',
};

/** Longest message kept from one console call; the rest is cut. */
const MAX_MESSAGE_CHARS = 500;

/** Sends `console.*` to `log` (level by method, `component: 'console'`); returns a function that undoes it. */
export function routeConsoleToLog(log: Logger, target: Console = console): () => void {
  const original = new Map<Method, Console[Method]>();
  for (const method of Object.keys(LEVEL) as Method[]) {
    original.set(method, target[method]);
    target[method] = (...args: unknown[]) => {
      const error = args.find((a): a is Error => a instanceof Error);
      const rest = args.filter((a) => a !== error);
      const text = rest.length > 0 ? format(...rest) : (error?.message ?? '');
      const msg = text.replace(/\s*\n\s*/g, ' ').slice(0, MAX_MESSAGE_CHARS);
      log[LEVEL[method]](msg, { component: 'console', ...(error ? { error } : {}) });
    };
  }
  return () => {
    for (const [method, fn] of original) target[method] = fn as never;
  };
}
