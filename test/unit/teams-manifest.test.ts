import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AppManifest, AppManifestUtils } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTeamsManifest, teamsManifestDir } from '../../adapters/teams/manifest.js';
import { SEARCH_COMMAND_ID } from '../../adapters/teams/search-extension.js';
import { run } from '../../src/cli/manifest.js';
import { captureIo } from '../cli-io.js';

const APP_ID = '3f2c6a1e-8b7d-4c2a-9e1f-0a1b2c3d4e5f';

const validate = (manifest: unknown) => AppManifestUtils.validateAgainstSchema(manifest as AppManifest);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'breachbot-teams-manifest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Teams manifest', () => {
  it('validates against the official 1.22 schema, offline', async () => {
    const manifest = await renderTeamsManifest(APP_ID);
    expect(manifest.manifestVersion).toBe('1.22');
    expect(await validate(manifest)).toEqual([]);
  });

  it('the committed template validates as well', async () => {
    const template = JSON.parse(await readFile(path.join(teamsManifestDir(), 'manifest.json'), 'utf8'));
    expect(await validate(template)).toEqual([]);
  });

  it('the validator rejects a bot without botId (so the checks above can fail)', async () => {
    const manifest = (await renderTeamsManifest(APP_ID)) as { bots: Array<Record<string, unknown>> };
    delete manifest.bots[0]?.botId;
    expect((await validate(manifest)).join('\n')).toMatch(/botId/);
  });

  it('declares the bot in personal, team and group-chat scopes with the command menu', async () => {
    const manifest = (await renderTeamsManifest(APP_ID)) as {
      id: string;
      bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ commands: Array<{ title: string }> }> }>;
      composeExtensions: Array<{ botId: string; commands: Array<{ id: string; type: string }> }>;
    };
    expect(manifest.id).toBe(APP_ID);
    const [bot] = manifest.bots;
    expect(bot?.botId).toBe(APP_ID);
    expect(bot?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot?.commandLists.flatMap((l) => l.commands.map((c) => c.title))).toEqual([
      'help',
      'timeline',
      'victims',
      'logging',
      'indicators',
      'hunt',
      'feedback',
      'digest',
    ]);
    const [extension] = manifest.composeExtensions;
    expect(extension?.botId).toBe(APP_ID);
    expect(extension?.commands).toEqual([expect.objectContaining({ id: SEARCH_COMMAND_ID, type: 'query' })]);
  });

  it('refuses an app id that is not a GUID', async () => {
    await expect(renderTeamsManifest('not-a-guid')).rejects.toThrow(/GUID/);
  });
});

describe('breachbot manifest teams', () => {
  it('builds a zip with manifest.json, color.png and outline.png at its root', async () => {
    const io = captureIo({ cwd: dir });
    expect(await run(['teams', '--app-id', APP_ID, '--out', 'breachbot-teams.zip'], io)).toBe(0);
    const file = path.join(dir, 'breachbot-teams.zip');
    expect(io.out()).toContain(file);
    const entries = unzipSync(new Uint8Array(await readFile(file)));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    expect(manifest.id).toBe(APP_ID);
    expect(await validate(manifest)).toEqual([]);

    const color = PNG.sync.read(Buffer.from(entries['color.png'] as Uint8Array));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(Buffer.from(entries['outline.png'] as Uint8Array));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      expect(a === 0 || (r === 255 && g === 255 && b === 255)).toBe(true);
    }
  });

  it('exits 2 with a usage message for a bad app id', async () => {
    const io = captureIo({ cwd: dir });
    expect(await run(['teams', '--app-id', 'nope'], io)).toBe(2);
    expect(io.err()).toMatch(/GUID/);
  });
});

describe('breachbot manifest teams: the publisher’s pages and version', () => {
  const pages = [
    '--website',
    'https://security.contoso.com/breachbot',
    '--privacy',
    'https://security.contoso.com/breachbot/privacy',
    '--terms',
    'https://security.contoso.com/breachbot/terms',
  ];

  it('puts --website, --privacy, --terms and --version in the manifest, which still validates', async () => {
    const io = captureIo({ cwd: dir });
    expect(await run(['teams', '--app-id', APP_ID, ...pages, '--version', '1.4.2'], io)).toBe(0);
    const manifest = JSON.parse(io.out());
    expect(manifest.developer).toMatchObject({
      websiteUrl: 'https://security.contoso.com/breachbot',
      privacyUrl: 'https://security.contoso.com/breachbot/privacy',
      termsOfUseUrl: 'https://security.contoso.com/breachbot/terms',
    });
    expect(manifest.developer.name).toBe('breachbot maintainers');
    expect(manifest.version).toBe('1.4.2');
    expect(await validate(manifest)).toEqual([]);
    expect(io.err()).toBe('');
  });

  it('keeps working without them, and says on stderr which values are example.com placeholders', async () => {
    const io = captureIo({ cwd: dir });
    expect(await run(['teams', '--app-id', APP_ID], io)).toBe(0);
    const manifest = JSON.parse(io.out());
    expect(manifest.developer.privacyUrl).toMatch(/^https:\/\/example\.com\//);
    expect(manifest.version).toBe('1.0.0');
    expect(await validate(manifest)).toEqual([]);
    expect(io.err()).toMatch(/--website, --privacy, --terms not given/);
    expect(io.err()).toMatch(/example\.com placeholders/);
    expect(io.err()).toMatch(/higher --version/);
  });

  it('names only the placeholders left when some pages are given', async () => {
    const io = captureIo({ cwd: dir });
    expect(await run(['teams', '--app-id', APP_ID, '--privacy', 'https://contoso.com/privacy'], io)).toBe(0);
    expect(io.err()).toMatch(/--website, --terms not given/);
  });

  it.each([
    [['--website', 'http://contoso.com'], /--website must be an https:\/\/ address/],
    [['--privacy', 'contoso.com/privacy'], /--privacy must be a full https:\/\/ address/],
    [['--terms', 'https://user:pw@contoso.com/terms'], /--terms must not carry a user or password/],
    [['--version', '1.2'], /--version must be MAJOR\.MINOR\.PATCH/],
    [['--version', '1.2.3-beta'], /--version must be MAJOR\.MINOR\.PATCH/],
    [['--version', '01.2.3'], /--version must be MAJOR\.MINOR\.PATCH/],
  ])('refuses %j with exit 2 and writes no package', async (flags, message) => {
    const io = captureIo({ cwd: dir });
    expect(await run(['teams', '--app-id', APP_ID, ...flags, '--out', 'refused.zip'], io)).toBe(2);
    expect(io.err()).toMatch(message);
    await expect(readFile(path.join(dir, 'refused.zip'))).rejects.toThrow();
  });
});
