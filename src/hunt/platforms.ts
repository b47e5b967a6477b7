/**
 * The query platforms `hunt` generates for, and the words people use to ask for one ("hunt splunk", "hunt for
 * sentinel"). Product names live here, outside `src/core`, which only passes the words along.
 */

/** A query language `breachbot hunt` produces (CONTRACTS.md: the `platform` of `hunt --format json`). */
export type HuntPlatform = 'kql' | 'spl' | 'powershell' | 'sigma';

export interface PlatformInfo {
  id: HuntPlatform;
  /** how a person names it in a heading */
  label: string;
  /** the words that ask for it, lower case; a phrase is matched as written */
  words: readonly string[];
}

export const HUNT_PLATFORMS: readonly PlatformInfo[] = [
  {
    id: 'kql',
    label: 'KQL (Microsoft Sentinel and Defender XDR)',
    words: ['kql', 'kusto', 'sentinel', 'defender', 'advanced hunting', 'log analytics', 'azure'],
  },
  { id: 'spl', label: 'Splunk SPL', words: ['spl', 'splunk'] },
  {
    id: 'powershell',
    label: 'PowerShell (Search-UnifiedAuditLog)',
    words: ['powershell', 'pwsh', 'ps1', 'search-unifiedauditlog', 'unified audit log', 'exchange online powershell'],
  },
  { id: 'sigma', label: 'Sigma', words: ['sigma', 'sigma rule', 'sigma rules'] },
];

/** The platform with this id, or undefined. */
export function platformInfo(id: string): PlatformInfo | undefined {
  return HUNT_PLATFORMS.find((p) => p.id === id);
}

/**
 * The platform a person's words ask for ("splunk please" → spl), or undefined when they name none. The first
 * platform named wins.
 */
export function platformFromWords(text: string): HuntPlatform | undefined {
  const words = ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, ' ')
    .trim()} `;
  let best: { id: HuntPlatform; at: number } | undefined;
  for (const platform of HUNT_PLATFORMS) {
    for (const word of platform.words) {
      const at = words.indexOf(` ${word} `);
      if (at !== -1 && (!best || at < best.at)) best = { id: platform.id, at };
    }
  }
  return best?.id;
}
