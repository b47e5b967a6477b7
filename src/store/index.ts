/**
 * Picks the store from the configuration: PostgreSQL when `DATABASE_URL` is set, else SQLite at
 * `DATA_DIR/breachbot.db`. The store is migrated before it is returned.
 *
 * @example
 * const store = await createStore(config, log);
 */
import path from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { DEFAULT_QUESTION_LOG_LIMITS } from './question-log.js';
import { createSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

/** Opens and migrates the configured store. */
export async function createStore(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'questionLog'>>,
  log?: Logger,
): Promise<Store> {
  const questionLog = {
    ...DEFAULT_QUESTION_LOG_LIMITS,
    ...(config.questionLog?.retentionDays ? { retentionDays: config.questionLog.retentionDays } : {}),
  };
  if (config.databaseUrl) {
    // PostgreSQL lives in its own module so SQLite-only set-ups never load `pg`.
    const { createPostgresStore } = await import('./postgres.js');
    const store = createPostgresStore(config.databaseUrl, {
      questionLog,
      onError: (error) => log?.warn('postgresql pool error', { error: String(error) }),
    });
    try {
      await store.migrate();
    } catch (error) {
      await store.close().catch(() => undefined);
      const where = new URL(config.databaseUrl);
      throw new Error(
        `cannot use PostgreSQL at ${where.hostname}:${where.port || '5432'}${where.pathname} (DATABASE_URL): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    log?.info('store ready', { kind: 'postgresql' });
    return store;
  }
  const file = path.join(config.dataDir, 'breachbot.db');
  const store = createSqliteStore(file, { questionLog });
  await store.migrate();
  log?.info('store ready', { kind: 'sqlite', file });
  return store;
}
