/**
 * An incident's indicators as a STIX 2.1 bundle: an `identity` for breachbot and one `indicator` per indicator that
 * STIX patterning can express, with `valid_from`/`valid_until` from first and last seen and the sources as external
 * references. Ids are UUIDv5 of the type and value, so the same indicator keeps its id from one export to the next.
 * Patterns follow STIX 2.1 part 9 (patterning) and the cyber-observable objects' property names:
 * https://docs.oasis-open.org/cti/stix/v2.1/os/stix-v2.1-os.html
 */
import { v5 as uuidv5 } from 'uuid';
import type { Incident, Indicator } from '../core/model.js';
import { dayAfter, firstDay, lastDay } from './resolve.js';
import { BREACHBOT_NAMESPACE } from './stable-ids.js';

type StixObject = Record<string, unknown> & { type: string; id: string };

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

export interface StixExport {
  bundle: StixBundle;
  /** indicators STIX patterning has no standard expression for (JARM, certificate patterns, paths, habits) */
  omitted: Indicator[];
}

/** When breachbot's identity object was first made; fixed so that its id and `created` never change. */
const IDENTITY_CREATED = '2026-01-01T00:00:00.000Z';
const IDENTITY_ID = `identity--${uuidv5('stix/identity/breachbot', BREACHBOT_NAMESPACE)}`;

/** A STIX pattern string literal: `\` and `'` escaped with a backslash. */
export function stixString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const HASH_NAMES: Readonly<Record<number, string>> = { 32: 'MD5', 40: 'SHA-1', 64: 'SHA-256' };

/** The STIX pattern of one indicator, or undefined when patterning cannot express it. */
export function stixPattern(indicator: Indicator): string | undefined {
  const v = indicator.value;
  switch (indicator.type) {
    case 'ip':
      return `[${v.includes(':') ? 'ipv6-addr' : 'ipv4-addr'}:value = ${stixString(v)}]`;
    case 'domain':
      return `[domain-name:value = ${stixString(v)}]`;
    case 'user-agent':
      return `[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = ${stixString(v)}]`;
    case 'hash':
    case 'thumbprint': {
      const name = /^[0-9a-f]+$/i.test(v) ? HASH_NAMES[v.length] : undefined;
      if (!name) return undefined;
      const object = indicator.type === 'thumbprint' ? 'x509-certificate' : 'file';
      return `[${object}:hashes.${stixString(name)} = ${stixString(v.toLowerCase())}]`;
    }
    default:
      return undefined;
  }
}

const INDICATOR_TYPES: Readonly<Record<string, string>> = {
  thumbprint: 'compromised',
  'user-agent': 'anomalous-activity',
};

const instant = (day: string) => `${day}T00:00:00.000Z`;
const endOf = (day: string) => `${dayAfter(day)}T00:00:00.000Z`;

function validity(indicator: Indicator, incident: Incident): { valid_from: string; valid_until?: string } {
  const published = indicator.sources
    .map((id) => incident.sources.find((s) => s.id === id)?.date)
    .filter((d): d is string => !!d)
    .map(firstDay)
    .sort()[0];
  const from = indicator.firstSeen ? firstDay(indicator.firstSeen) : (published ?? firstDay(incident.status.asOf));
  const validFrom = instant(from);
  if (!indicator.lastSeen) return { valid_from: validFrom };
  const until = endOf(lastDay(indicator.lastSeen));
  return until > validFrom ? { valid_from: validFrom, valid_until: until } : { valid_from: validFrom };
}

function externalReferences(indicator: Indicator, incident: Incident): Array<Record<string, string>> {
  return indicator.sources.flatMap((id) => {
    const source = incident.sources.find((s) => s.id === id);
    return source ? [{ source_name: source.publisher, description: source.title, url: source.url }] : [];
  });
}

/** The STIX 2.1 bundle of an incident's indicators. Deterministic: the same data gives the same bundle. */
export function toStixBundle(incident: Incident): StixExport {
  const stamp = instant(firstDay(incident.updated ?? incident.status.asOf));
  const identity: StixObject = {
    type: 'identity',
    spec_version: '2.1',
    id: IDENTITY_ID,
    created: IDENTITY_CREATED,
    modified: IDENTITY_CREATED,
    name: 'breachbot',
    description: 'A chat bot that answers from a curated, sourced knowledge base of cloud security incidents.',
    identity_class: 'system',
  };
  const objects: StixObject[] = [identity];
  const omitted: Indicator[] = [];
  for (const indicator of incident.indicators) {
    const pattern = stixPattern(indicator);
    if (!pattern) {
      omitted.push(indicator);
      continue;
    }
    objects.push({
      type: 'indicator',
      spec_version: '2.1',
      id: `indicator--${uuidv5(`stix/indicator/${indicator.type}/${indicator.value}`, BREACHBOT_NAMESPACE)}`,
      created_by_ref: IDENTITY_ID,
      created: stamp,
      modified: stamp,
      name: `${incident.id} ${indicator.type}: ${indicator.value}`,
      ...(indicator.role ? { description: indicator.role } : {}),
      indicator_types: [INDICATOR_TYPES[indicator.type] ?? 'malicious-activity'],
      pattern,
      pattern_type: 'stix',
      pattern_version: '2.1',
      ...validity(indicator, incident),
      external_references: externalReferences(indicator, incident),
    });
  }
  const bundle: StixBundle = {
    type: 'bundle',
    id: `bundle--${uuidv5(`stix/bundle/${incident.id}/${stamp}/${objects.length}`, BREACHBOT_NAMESPACE)}`,
    objects,
  };
  return { bundle, omitted };
}
