// The environment is read once into a frozen config; every missing or malformed variable is named in one error,
// with where to find its value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env, '/tmp');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('starts in local mode with defaults when nothing is set, frozen', () => {
    const config = loadConfig({}, '/tmp/x');
    expect(config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      localMode: true,
      webUi: true,
      dataDir: '/tmp/x/var',
    });
    expect(config.slack).toBeUndefined();
    expect(config.slackOff).toContain('SLACK_BOT_TOKEN');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every problem at once, each with where to find the value', () => {
    const error = problemsOf({ PORT: 'eighty', SLACK_BOT_TOKEN: 'nope', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    const text = error.message;
    for (const name of ['PORT', 'SLACK_BOT_TOKEN', 'LOG_LEVEL', 'DATABASE_URL']) expect(text).toContain(name);
    expect(text).toContain('OAuth & Permissions');
    expect(error.problems.length).toBeGreaterThanOrEqual(4);
  });

  it('takes PORT only as a decimal integer from 0 to 65535', () => {
    for (const port of ['0x1012', '1e3', '08 ', '08', ' 3978', '3978.0', '-1', '65536', '']) {
      expect(problemsOf({ PORT: port }).problems, port).toEqual([
        expect.stringMatching(/^PORT: must be .*decimal digits/),
      ]);
    }
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it('needs a signing secret or an app token with a bot token', () => {
    const error = problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(error.message).toContain('SLACK_SIGNING_SECRET');
    expect(error.message).toContain('Signing Secret');
  });

  it('turns Slack on over HTTP or Socket Mode, with the API URL ending in a slash', () => {
    const http = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(http.slack).toMatchObject({ signingSecret: 's', apiUrl: 'http://127.0.0.1:9/api/', command: '/breach' });
    expect(http.localMode).toBe(false);
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.slack?.appToken).toBe('xapp-1');
  });

  it('keeps unauthenticated Teams off beyond loopback and says how to turn it on', () => {
    const config = loadConfig({ HOST: '0.0.0.0', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(config.teams).toBeUndefined();
    expect(config.teamsOff).toContain('MICROSOFT_APP_ID');
  });
});
