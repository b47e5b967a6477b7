// The "were we affected?" data of Storm-0558 (issue 15 item 1): notification, search window and self-checks, all
// cited, generated from the indicator data where they name indicators, and never a yes or no about the asker.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Defender, Incident } from '../../src/core/model.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const root = path.resolve(import.meta.dirname, '../..');
let incident: Incident;
let defender: Defender;

beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ dir: path.join(root, 'data', 'incidents') });
  expect(loaded.problems).toEqual([]);
  const found = loaded.data.incidents.find((i) => i.id === 'storm-0558');
  if (!found?.defender) throw new Error('storm-0558 has no defender block');
  incident = found;
  defender = found.defender;
});

const check = (id: string) => {
  const found = defender.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

describe('defender data for Storm-0558', () => {
  it('says who was told and how', () => {
    const told = defender.notification.map((n) => n.text).join('\n');
    expect(told).toMatch(/tenant administrators/);
    expect(told).toMatch(/No list of affected tenants/);
    expect(told).toMatch(/report it to\s+CISA and the FBI/);
  });

  it('sets the search window to the first and last sighting of any indicator', () => {
    const first = incident.indicators.flatMap((i) => (i.firstSeen?.length === 10 ? [i.firstSeen] : [])).sort()[0];
    const last = incident.indicators
      .flatMap((i) => (i.lastSeen?.length === 10 ? [i.lastSeen] : []))
      .sort()
      .at(-1);
    expect(defender.window).toMatchObject({ from: first, to: last });
  });

  it('checks every IP and user agent of the indicator data, and the key by its kid', () => {
    const ofType = (type: string) => incident.indicators.filter((i) => i.type === type).map((i) => i.id);
    expect([...(check('chk-indicator-ips').indicators ?? [])].sort()).toEqual(ofType('ip').sort());
    expect([...(check('chk-user-agents').indicators ?? [])].sort()).toEqual(ofType('user-agent').sort());
    const key = check('chk-signing-key');
    expect(key.indicators).toContain('ioc-key-kid');
    expect(key.lookFor).toContain('1LTMzakihiRla_8z2BEJVXeWMqo');
  });

  it('gives the MailItemsAccessed check its licence then and now, its baselines and the retention it needs', () => {
    const mail = check('chk-mailitemsaccessed-appid');
    expect(mail.licence).toMatch(/In 2023 .*Premium.*as of August 2026 .*Audit \(Standard\)/s);
    expect(mail.lookFor).toMatch(/AppId \/ ClientAppId/);
    expect(mail.retention).toMatch(/180 days/);
  });

  it('never says whether the asker was affected', () => {
    const texts = JSON.stringify(defender);
    expect(texts).not.toMatch(/\byou (were|are|weren't|aren't)\b|\byour (organi[sz]ation|tenant) (was|is)\b/i);
    expect(texts).not.toMatch(/\b(you|your tenant) (were|was) (not )?(affected|impacted|compromised)/i);
  });
});
