/**
 * The Teams app manifest (schema 1.22) and app package: `manifest.json`, `color.png` (192×192) and `outline.png`
 * (32×32) at the zip root, the bot and message-extension ids set to the Azure Bot's app id. The developer's website,
 * privacy and terms pages and the app version come from the caller; without them the template's example.com
 * placeholders and 1.0.0 stay, which is enough to sideload your own copy but not for an organization's catalog or
 * the Teams Store (real pages), nor to update an uploaded app (a higher version).
 *
 * @example
 * const { bytes, path } = await buildTeamsPackage({ appId: '1a2b…', version: '1.1.0', out: 'breachbot-teams.zip' });
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { packageRoot } from '../../src/config.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The folder holding the committed manifest template and icons. */
export function teamsManifestDir(): string {
  return path.join(packageRoot(), 'manifest', 'teams');
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

interface ManifestShape {
  id: string;
  version?: string;
  developer?: { websiteUrl?: string; privacyUrl?: string; termsOfUseUrl?: string; [key: string]: unknown };
  bots?: Array<{ botId: string }>;
  composeExtensions?: Array<{ botId: string }>;
  [key: string]: unknown;
}

/** What a publisher sets for its own copy of the app; each one absent keeps the template's placeholder. */
export interface TeamsAppDetails {
  /** the developer's website (https) */
  websiteUrl?: string;
  /** the privacy statement (https) */
  privacyUrl?: string;
  /** the terms of use (https) */
  termsOfUseUrl?: string;
  /** the app version, MAJOR.MINOR.PATCH; Teams takes an update only with a higher one */
  version?: string;
}

/** The manifest schema's version pattern: three numbers, no leading zeros, nothing after. */
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

/** The host the template's developer URLs point at: placeholders, never a real page. */
export const PLACEHOLDER_HOST = 'example.com';

const URL_FLAGS = { websiteUrl: '--website', privacyUrl: '--privacy', termsOfUseUrl: '--terms' } as const;

function checkedUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ManifestError(`${flag} must be a full https:// address, got "${value}"`);
  }
  if (url.protocol !== 'https:') throw new ManifestError(`${flag} must be an https:// address, got "${value}"`);
  if (url.username !== '' || url.password !== '') throw new ManifestError(`${flag} must not carry a user or password`);
  if (value.length > 2048) throw new ManifestError(`${flag} is longer than the 2048 characters Teams accepts`);
  return value;
}

/**
 * The manifest with `appId` as the app id, the bot id and the message extension's bot id, and the publisher's
 * details where given.
 * @throws ManifestError when `appId` is not a GUID, a URL is not https or the version is not MAJOR.MINOR.PATCH
 */
export async function renderTeamsManifest(
  appId: string,
  details: TeamsAppDetails = {},
): Promise<Record<string, unknown>> {
  if (!GUID.test(appId)) {
    throw new ManifestError(
      `--app-id must be a GUID (Azure portal → your Azure Bot → Configuration → Microsoft App ID), got "${appId}"`,
    );
  }
  if (details.version !== undefined && !SEMVER.test(details.version)) {
    throw new ManifestError(`--version must be MAJOR.MINOR.PATCH such as 1.2.0, got "${details.version}"`);
  }
  const developer: Record<string, string> = {};
  for (const [key, flag] of Object.entries(URL_FLAGS) as Array<[keyof typeof URL_FLAGS, string]>) {
    const value = details[key];
    if (value !== undefined) developer[key] = checkedUrl(flag, value);
  }
  const template = JSON.parse(await readFile(path.join(teamsManifestDir(), 'manifest.json'), 'utf8')) as ManifestShape;
  const id = appId.toLowerCase();
  return {
    ...template,
    version: details.version ?? template.version,
    id,
    developer: { ...template.developer, ...developer },
    bots: (template.bots ?? []).map((bot) => ({ ...bot, botId: id })),
    composeExtensions: (template.composeExtensions ?? []).map((ext) => ({ ...ext, botId: id })),
  };
}

/** The flags whose value in this manifest is still the template's example.com placeholder (e.g. `--privacy`). */
export function placeholderFlags(manifest: Record<string, unknown>): string[] {
  const developer = (manifest.developer ?? {}) as Record<string, unknown>;
  return Object.entries(URL_FLAGS)
    .filter(([key]) => {
      const value = developer[key];
      if (typeof value !== 'string') return false;
      try {
        const host = new URL(value).hostname;
        return host === PLACEHOLDER_HOST || host.endsWith(`.${PLACEHOLDER_HOST}`);
      } catch {
        return false;
      }
    })
    .map(([, flag]) => flag);
}

export interface TeamsPackageOptions extends TeamsAppDetails {
  appId: string;
  /** where to write the zip; nothing is written when absent */
  out?: string;
}

export interface TeamsPackage {
  bytes: Uint8Array;
  manifest: Record<string, unknown>;
  /** absolute path of the written zip, when `out` was given */
  path?: string;
}

/** Builds the app package to upload in Teams (Apps → Manage your apps → Upload an app). */
export async function buildTeamsPackage(options: TeamsPackageOptions): Promise<TeamsPackage> {
  const { appId, out, ...details } = options;
  const manifest = await renderTeamsManifest(appId, details);
  const dir = teamsManifestDir();
  const [color, outline] = await Promise.all([
    readFile(path.join(dir, 'color.png')),
    readFile(path.join(dir, 'outline.png')),
  ]);
  const bytes = zipSync({
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    'color.png': new Uint8Array(color),
    'outline.png': new Uint8Array(outline),
  });
  if (!out) return { bytes, manifest };
  const file = path.resolve(out);
  await writeFile(file, bytes);
  return { bytes, manifest, path: file };
}
