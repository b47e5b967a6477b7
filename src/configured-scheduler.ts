/**
 * The digest scheduler as `serve` and `digest run-due` both build it: a replica id unique to this process, and the
 * grace and claim timeout from the configuration.
 *
 * @example
 * const scheduler = await createConfiguredScheduler(config, { store, kb, deliver, log });
 * await scheduler.runDuePass(new Date());
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from './config.js';
import type { SchedulerOptions } from './digest/scheduler.js';

export type ConfiguredSchedulerDeps = Omit<SchedulerOptions, 'replicaId' | 'graceHours' | 'claimTimeoutMs'>;

/** Creates the scheduler for this process from `config.digest`; `deps` adds the store, kb, deliverers and rest. */
export async function createConfiguredScheduler(config: Config, deps: ConfiguredSchedulerDeps) {
  const { createScheduler } = await import('./digest/scheduler.js');
  return createScheduler({
    ...deps,
    replicaId: `${hostname()}-${process.pid}-${randomUUID().slice(0, 6)}`,
    graceHours: config.digest.graceHours,
    claimTimeoutMs: config.digest.claimTimeoutSeconds * 1000,
  });
}
