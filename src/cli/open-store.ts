/**
 * Opens the configured store for a one-shot command (`questions`, `feedback`): reads `.env` and the environment
 * once, prints a configuration problem or an unreachable database on stderr, and returns undefined then.
 *
 * @example
 * const opened = await openConfiguredStore(io, 'questions');
 * if (!opened) return 1;
 */
import { type Config, ConfigError } from '../config.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './io.js';

/** The configuration and the opened store, or undefined after printing why not. */
export async function openConfiguredStore(
  io: CliIo,
  command: string,
): Promise<{ config: Config; store: Store } | undefined> {
  const { environmentWithDotenv } = await import('./serve.js');
  const { loadConfig } = await import('../config.js');
  let config: Config;
  try {
    config = loadConfig(environmentWithDotenv(io.env, io.cwd), io.cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
    return undefined;
  }
  const { createStore } = await import('../store/index.js');
  try {
    return { config, store: await createStore(config) };
  } catch (error) {
    io.stderr.write(`breachbot ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}
