/**
 * Structured JSON logs on stdout (one object a line), written by pino. The only place that writes to the console
 * for logging; secrets are removed by pino's `redact` before a line is written. SDKs that log through a
 * console-style object (Bolt's `Logger`, botbuilder's console output) get one from `consoleStyleLogger`.
 *
 * @example
 * const log = createLogger({ level: 'info' });
 * log.info('server listening', { port: 3978 });
 */
import type { Writable } from 'node:stream';
import { format } from 'node:util';
import { type Logger as PinoLogger, pino, stdSerializers, stdTimeFunctions } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Logger {
  trace(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  fatal(msg: string, fields?: Record<string, unknown>): void;
  /** a logger that adds these fields to every line */
  child(fields: Record<string, unknown>): Logger;
  /**
   * An info line whose fields the caller built from values that are never secret (ids, methods, paths, status
   * codes, durations): written without the redaction pass, which costs more than the rest of a request's log line.
   */
  plainInfo?(msg: string, fields: Record<string, string | number | undefined>): void;
  readonly level: LogLevel;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** default process.stdout */
  stream?: Writable;
  /** fields on every line */
  base?: Record<string, unknown>;
}

/**
 * Field names whose values never reach a log line, at the top level and up to three objects deep (headers,
 * configuration, SDK payloads). Compared exactly, as pino's `redact` does: add a name here when a new secret appears.
 */
export const SECRET_FIELDS = [
  'token',
  'botToken',
  'appToken',
  'accessToken',
  'access_token',
  'bot_token',
  'refreshToken',
  'secret',
  'signingSecret',
  'clientSecret',
  'client_secret',
  'password',
  'appPassword',
  'MicrosoftAppPassword',
  'authorization',
  'Authorization',
  'cookie',
  'set-cookie',
  'signature',
  'x-slack-signature',
] as const;

const RANK: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 99 };

/** True when a logger at `level` writes lines of level `line`. */
export function levelEnabled(level: LogLevel, line: Exclude<LogLevel, 'silent'>): boolean {
  return RANK[line] >= RANK[level];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** pino `redact` paths for every secret field name, at depth 0 to 3. */
function redactPaths(): string[] {
  return SECRET_FIELDS.flatMap((name) => {
    const key = IDENTIFIER.test(name) ? `.${name}` : `["${name}"]`;
    return [key.startsWith('.') ? name : key, `*${key}`, `*.*${key}`, `*.*.*${key}`];
  });
}

function wrap(inner: PinoLogger<never>, plain: PinoLogger<never>, level: LogLevel): Logger {
  const at =
    (method: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields?: Record<string, unknown>): void => {
      if (fields) inner[method](fields, msg);
      else inner[method](msg);
    };
  return {
    level,
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    fatal: at('fatal'),
    plainInfo: (msg, fields) => plain.info(fields, msg),
    child: (fields) => wrap(inner.child(fields), plain.child(fields), level),
  };
}

/** Creates a JSON-lines logger: `{"level":"info","time":"<ISO>",…fields,"msg":"…"}`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const stream = options.stream ?? process.stdout;
  const shared = {
    level,
    base: options.base ?? null,
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    serializers: { error: stdSerializers.err, err: stdSerializers.err },
  };
  const inner = pino({ ...shared, redact: { paths: redactPaths(), censor: '[redacted]' } }, stream);
  // the same lines on the same stream, for plainInfo's fields only (never an object from outside)
  const plain = pino(shared, stream);
  return wrap(inner, plain, level);
}

/** A logger that writes nothing (tests, library use). */
export const silentLogger: Logger = createLogger({ level: 'silent' });

/** The console-style levels SDK loggers use. */
export type ConsoleLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * A console-style logger for an SDK: `debug/info/warn/error(...args)` (and `log`, as `info`) formatted like
 * `console.log` into one structured line with `fields` (e.g. `{ component: 'bolt' }`); `setLevel`/`getLevel`/`setName`
 * as Bolt's `Logger` interface has them. `Level` is the SDK's own level type (Bolt's `LogLevel` enum), so the result
 * fits its interface without a cast at the call site; the level set by the SDK is remembered and reported back, while
 * what is written is decided by this logger's level.
 *
 * @example
 * new App({ logger: consoleStyleLogger<LogLevel>(log, { component: 'bolt' }), … })
 */
export function consoleStyleLogger<Level extends string = ConsoleLevel>(
  log: Logger,
  fields: Record<string, unknown> = {},
) {
  const target = Object.keys(fields).length > 0 ? log.child(fields) : log;
  let level = 'info' as Level;
  let name: string | undefined;
  const write =
    (method: ConsoleLevel) =>
    (...args: unknown[]) => {
      if (!levelEnabled(target.level, method)) return;
      target[method](format(...args), name ? { logger: name } : undefined);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    log: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel(next: Level): void {
      level = next;
    },
    getLevel(): Level {
      return level;
    },
    setName(next: string): void {
      name = next;
    },
  };
}
