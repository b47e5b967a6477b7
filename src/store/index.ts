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
import { createSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

/** Opens and migrates the configured store. */
export async function createStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>, log?: Logger): Promise<Store> {
  if (config.databaseUrl) {
    // mount: postgres. Its own module (src/store/postgres.ts) so SQLite-only set-ups never load `pg`; the specifier is
    // a variable so this compiles before that module exists.
    const postgresModule = './postgres.js';
    const { createPostgresStore } = (await import(postgresModule)) as {
      createPostgresStore: (url: string) => Store;
    };
    const store = createPostgresStore(config.databaseUrl);
    await store.migrate();
    log?.info('store ready', { kind: 'postgresql' });
    return store;
  }
  const file = path.join(config.dataDir, 'breachbot.db');
  const store = createSqliteStore(file);
  await store.migrate();
  log?.info('store ready', { kind: 'sqlite', file });
  return store;
}
