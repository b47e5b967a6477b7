// The logger: pino behind the project's Logger interface — one JSON object a line, levels, secrets redacted (also in
// child fields and nested objects), errors with their stack, and a console-style face for SDKs.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consoleStyleLogger, createLogger, type LogLevel, SECRET_FIELDS } from '../../src/logger.js';

function capture(level: LogLevel = 'trace') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const log = createLogger({ level, stream });
  return {
    log,
    entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    raw: () => lines.join('\n'),
  };
}

describe('createLogger', () => {
  it('writes one JSON object a line with the level name, an ISO time, the message and the fields', () => {
    const { log, entries } = capture('info');
    log.info('server listening', { port: 3978 });
    const [entry] = entries();
    expect(entry).toMatchObject({ level: 'info', msg: 'server listening', port: 3978 });
    expect(String(entry?.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Object.keys(entry ?? {})).not.toContain('pid');
  });

  it('writes a plain info line like an info line, with child fields and the level respected', () => {
    const { log, entries } = capture('info');
    const child = log.child({ component: 'http' });
    log.plainInfo?.('request', { requestId: 'a-1', method: 'POST', path: '/slack/events', status: 200, ms: 1.5 });
    child.plainInfo?.('request', { requestId: 'a-2', status: 404 });
    log.info('request', { requestId: 'a-3', status: 200 });
    const lines = entries();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', requestId: 'a-1', path: '/slack/events', ms: 1.5 });
    expect(lines[1]).toMatchObject({ level: 'info', component: 'http', requestId: 'a-2', status: 404 });
    expect(Object.keys(lines[0] ?? {}).sort()).toEqual(Object.keys({ ...lines[2], method: 0, path: 0, ms: 0 }).sort());
    const quiet = capture('warn');
    quiet.log.plainInfo?.('request', { status: 200 });
    expect(quiet.entries()).toEqual([]);
  });

  it('writes only lines at or above its level, and nothing when silent', () => {
    const info = capture('info');
    info.log.debug('hidden');
    info.log.warn('shown');
    expect(info.entries().map((e) => e.msg)).toEqual(['shown']);
    const silent = capture('silent');
    silent.log.fatal('never');
    expect(silent.entries()).toEqual([]);
  });

  it('redacts every secret field name at the top level and nested, and in child fields', () => {
    const { log, raw, entries } = capture();
    const secrets = Object.fromEntries(SECRET_FIELDS.map((name, i) => [name, `secret-value-${i}`]));
    log.info('top', secrets);
    log.info('nested', { request: { headers: secrets }, config: { slack: { botToken: 'xoxb-nested-secret' } } });
    log.child({ signingSecret: 'child-secret', adapter: 'slack' }).warn('child');
    expect(raw()).not.toMatch(/secret-value-|xoxb-nested-secret|child-secret/);
    const [top, nested, child] = entries();
    expect(top?.authorization).toBe('[redacted]');
    expect(nested).toMatchObject({ request: { headers: { 'x-slack-signature': '[redacted]' } } });
    expect(child).toMatchObject({ adapter: 'slack', signingSecret: '[redacted]' });
  });

  it('writes an error field with its type, message and stack', () => {
    const { log, entries } = capture();
    log.error('failed', { error: new TypeError('boom') });
    expect(entries()[0]?.error).toMatchObject({
      type: 'TypeError',
      message: 'boom',
      stack: expect.stringContaining('boom'),
    });
  });
});

describe('consoleStyleLogger', () => {
  it('formats arguments the way console does into one line with the given fields', () => {
    const { log, entries } = capture('debug');
    const sdk = consoleStyleLogger(log, { component: 'bolt' });
    sdk.info('listening on %s', 'port', { a: 1 });
    sdk.error(new Error('bad'));
    sdk.log('plain');
    const [info, error, plain] = entries();
    expect(info).toMatchObject({ level: 'info', component: 'bolt', msg: 'listening on port { a: 1 }' });
    expect(error).toMatchObject({ level: 'error', msg: expect.stringContaining('Error: bad') });
    expect(plain).toMatchObject({ level: 'info', msg: 'plain' });
  });

  it('writes what the logger level allows, whatever level the SDK sets, and remembers the SDK level and name', () => {
    const { log, entries } = capture('warn');
    const sdk = consoleStyleLogger<'debug' | 'info' | 'warn' | 'error'>(log);
    sdk.setLevel('debug');
    sdk.setName('bolt-app');
    sdk.debug('noise');
    sdk.info('noise');
    sdk.warn('careful');
    expect(sdk.getLevel()).toBe('debug');
    expect(entries()).toEqual([expect.objectContaining({ level: 'warn', msg: 'careful', logger: 'bolt-app' })]);
  });

  it('redacts secrets an SDK puts in its own fields', () => {
    const { log, raw } = capture();
    consoleStyleLogger(log, { token: 'xoxb-sdk-secret' }).info('hello');
    expect(raw()).not.toContain('xoxb-sdk-secret');
  });
});
