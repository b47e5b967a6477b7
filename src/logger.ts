/**
 * Structured JSON logs on stdout (one object a line). The only place that writes to the console for logging.
 * Secret-looking fields are redacted before writing.
 *
 * @example
 * const log = createLogger({ level: 'info' });
 * log.info('server listening', { port: 3978 });
 */
import type { Writable } from 'node:stream';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

const RANK: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 99 };
const SECRET_KEY = /token|secret|password|authorization|signature|cookie/i;

export interface Logger {
  trace(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  fatal(msg: string, fields?: Record<string, unknown>): void;
  /** a logger that adds these fields to every line */
  child(fields: Record<string, unknown>): Logger;
  readonly level: LogLevel;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** default process.stdout */
  stream?: Writable;
  /** fields on every line */
  base?: Record<string, unknown>;
}

function redact(value: unknown, depth = 0): unknown {
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return { type: value.name, message: value.message, stack: value.stack };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) && v !== undefined && typeof v !== 'boolean' ? '[redacted]' : redact(v, depth + 1);
  }
  return out;
}

/** Creates a JSON-lines logger. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const stream = options.stream ?? process.stdout;
  const base = options.base ?? {};
  const write = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (RANK[lvl] < RANK[level]) return;
    const line = { level: lvl, time: new Date().toISOString(), msg, ...base, ...(redact(fields ?? {}) as object) };
    stream.write(`${JSON.stringify(line)}\n`);
  };
  return {
    level,
    trace: (m, f) => write('trace', m, f),
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    fatal: (m, f) => write('fatal', m, f),
    child: (fields) => createLogger({ level, stream, base: { ...base, ...fields } }),
  };
}

/** A logger that writes nothing (tests, library use). */
export const silentLogger: Logger = createLogger({ level: 'silent' });
