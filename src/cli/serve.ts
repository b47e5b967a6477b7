/**
 * `breachbot serve` (what `npm start` runs): reads `.env` (quietly) and the environment once, starts the server,
 * reloads the knowledge base on SIGHUP (it also follows its files, see `kb-reload.ts`), and on SIGTERM or SIGINT
 * stops accepting, finishes requests in flight, closes the store and returns 0.
 */
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import type { CliIo } from './io.js';

/** Seconds the whole shutdown may take before the process is expected to be gone. */
export const SHUTDOWN_BUDGET_MS = 10_000;

/** Reads `.env` from `cwd` into a copy of `env` (variables already set win). */
export function environmentWithDotenv(env: Record<string, string | undefined>, cwd: string) {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v;
  loadDotenv({ path: path.join(cwd, '.env'), quiet: true, processEnv: merged });
  return merged;
}

/** The human start-up block: where it listens and which surfaces are on, each with what would turn it on. */
export function startupBlock(config: Config, url: string): string {
  const slack = config.slack
    ? `on (${config.slack.appToken ? 'Socket Mode' : `HTTP: POST ${url}/slack/events`})`
    : `off: ${config.slackOff}`;
  const teams = config.teams
    ? `on (POST ${url}/api/messages${config.teams.appId ? '' : ', unauthenticated: the Bot Framework Emulator on this machine only'})`
    : `off: ${config.teamsOff}`;
  const lines = ['', 'breachbot is running', `  Listening on: ${url}`];
  if (config.webUi) lines.push(`  Web page:     ${url}/`);
  else lines.push('  Web page:     off (set WEB_UI=true to turn it on)');
  lines.push(`  Slack:        ${slack}`, `  Teams:        ${teams}`);
  lines.push(`  Digests:      checked every ${config.digest.pollSeconds} s`, '  Stop with Ctrl+C or SIGTERM.', '');
  return `${lines.join('\n')}\n`;
}

/** Runs the server until SIGTERM or SIGINT; 0 after a clean stop, 1 when it cannot start, 2 on a usage error. */
export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.length > 0) {
    io.stderr.write(
      `breachbot serve: takes no arguments (got "${args.join(' ')}"); configure it with environment variables\n`,
    );
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(environmentWithDotenv(io.env, io.cwd), io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      return 1;
    }
    throw error;
  }
  const log = createLogger({ level: config.logLevel, stream: io.stdout });
  const { routeConsoleToLog } = await import('./console-log.js');
  const restoreConsole = routeConsoleToLog(log);
  try {
    return await serve(config, log, io);
  } finally {
    restoreConsole();
  }
}

async function serve(config: Config, log: Logger, io: CliIo): Promise<number> {
  const { createServer } = await import('../server.js');
  let running: Awaited<ReturnType<typeof createServer>>;
  try {
    running = await createServer({ config, log });
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      return 1;
    }
    log.fatal('breachbot could not start', { error: error instanceof Error ? error.message : String(error) });
    return 1;
  }
  if (config.localMode) {
    const { startupBanner } = await import('./startup-banner.js');
    io.stdout.write(startupBanner({ config, url: running.url, kb: running.kb, cwd: io.cwd }));
  } else io.stdout.write(startupBlock(config, running.url));
  const reload = () => {
    log.info('signal received: reloading the knowledge base', { signal: 'SIGHUP' });
    void running.reload('SIGHUP');
  };
  process.on('SIGHUP', reload);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  process.off('SIGHUP', reload);
  log.info('signal received', { signal });
  enforceShutdownBudget(log);
  await running.close(SHUTDOWN_BUDGET_MS - 2000);
  return 0;
}

/**
 * From the first signal on, the process is gone within `SHUTDOWN_BUDGET_MS` whatever is still pending (a Slack
 * post waiting out a rate limit, a database that stopped answering): the exit code is 0 when the server had
 * stopped cleanly, 1 otherwise. A second signal exits at once.
 */
function enforceShutdownBudget(log: Logger): void {
  const started = Date.now();
  const exit = (reason: string) => {
    const stoppedCleanly = process.exitCode === 0;
    log.warn(reason, { afterMs: Date.now() - started, stoppedCleanly });
    process.exit(stoppedCleanly ? 0 : 1);
  };
  setTimeout(() => exit('shutdown budget reached: exiting with work still pending'), SHUTDOWN_BUDGET_MS).unref();
  const again = () => exit('second signal: exiting now');
  process.once('SIGTERM', again);
  process.once('SIGINT', again);
}
