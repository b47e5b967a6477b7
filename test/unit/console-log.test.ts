// Library console output becomes one structured log line each (level by method, the error's stack inside the
// line), and routing is undone afterwards.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { routeConsoleToLog } from '../../src/cli/console-log.js';
import { createLogger } from '../../src/logger.js';

describe('routeConsoleToLog', () => {
  it('writes console calls as single JSON log lines and restores the console', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const printed: unknown[][] = [];
    const target = { ...console, error: (...args: unknown[]) => printed.push(args) } as Console;
    const originalError = target.error;
    const restore = routeConsoleToLog(createLogger({ level: 'debug', stream }), target);
    target.error(new Error('Unauthorized.\nNo valid identity.'));
    target.warn('BadRequest: %s', 'missing type');
    restore();
    target.error('after restore');
    const logged = lines.map(
      (l) => JSON.parse(l) as { level: string; msg: string; component: string; error?: unknown },
    );
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ level: 'error', msg: 'Unauthorized. No valid identity.', component: 'console' });
    expect(logged[0]?.error).toMatchObject({ type: 'Error' });
    expect(logged[1]).toMatchObject({ level: 'warn', msg: 'BadRequest: missing type' });
    expect(target.error).toBe(originalError);
    expect(printed).toEqual([['after restore']]);
  });
});
