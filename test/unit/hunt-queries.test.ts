// Hunting queries generated from the detections of every bundled incident: every KQL query parses with Microsoft's
// Kusto parser; SPL and PowerShell are balanced (quotes, brackets) and carry every value the detection resolves to;
// Sigma rules are YAML with the fields the Sigma specification requires; indicator values come from the indicator
// list, never from the detection text.
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Incident } from '../../src/core/model.js';
import { huntQueries } from '../../src/hunt/hunt-queries.js';
import { kqlString } from '../../src/hunt/kql.js';
import { psString } from '../../src/hunt/powershell.js';
import { hexToBase64Url, resolveDetection } from '../../src/hunt/resolve.js';
import { sigmaValue } from '../../src/hunt/sigma.js';
import { splString } from '../../src/hunt/spl.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const root = path.resolve(import.meta.dirname, '../..');

interface KustoDiagnostics {
  Count: number;
  getItem(i: number): { Message: string };
}
let parseKql: (text: string) => string[];
/** Parses and checks names against the documented tables below (unknown table or column → a diagnostic). */
let analyzeKql: (text: string) => string[];

/**
 * The tables the queries read, with the columns they use, as the products' documentation lists them:
 * learn.microsoft.com/azure/azure-monitor/reference/tables/{officeactivity, signinlogs,
 * aadnoninteractiveusersigninlogs, microsoftgraphactivitylogs} and
 * learn.microsoft.com/defender-xdr/advanced-hunting-cloudappevents-table.
 */
const DOCUMENTED_TABLES: Record<string, string> = {
  OfficeActivity:
    '(TimeGenerated:datetime, Operation:string, AppId:string, ClientAppId:string, ClientIP:string, Client_IPAddress:string, ClientInfoString:string, UserAgent:string, UserId:string, MailboxOwnerUPN:string)',
  CloudAppEvents:
    '(Timestamp:datetime, ActionType:string, IPAddress:string, UserAgent:string, AccountDisplayName:string, AccountObjectId:string, RawEventData:dynamic)',
  SigninLogs:
    '(TimeGenerated:datetime, IPAddress:string, UserAgent:string, AppId:string, AppDisplayName:string, UserPrincipalName:string)',
  AADNonInteractiveUserSignInLogs:
    '(TimeGenerated:datetime, IPAddress:string, UserAgent:string, AppId:string, AppDisplayName:string, UserPrincipalName:string)',
  MicrosoftGraphActivityLogs:
    '(TimeGenerated:datetime, IPAddress:string, UserAgent:string, AppId:string, UserId:string, RequestMethod:string, RequestUri:string)',
};
let incidents: Incident[];

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  require('@kusto/language-service-next/bridge.min.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
  // the Kusto bridge is a Bridge.NET translation: overloaded constructors are $ctor1, $ctor2, …
  type Code = { GetDiagnostics(): KustoDiagnostics };
  const kusto = (
    globalThis as unknown as {
      Kusto: {
        Language: {
          KustoCode: { Parse(t: string): Code; ParseAndAnalyze(t: string, g: unknown): Code };
          GlobalState: { Default: { WithDatabase(db: unknown): unknown } };
          Symbols: {
            TableSymbol: { From(schema: string): { WithName(name: string): unknown } };
            DatabaseSymbol: { $ctor1: new (name: string, tables: unknown[]) => unknown };
          };
        };
      };
    }
  ).Kusto.Language;
  const messages = (code: Code) => {
    const diagnostics = code.GetDiagnostics();
    return Array.from({ length: diagnostics.Count }, (_, i) => diagnostics.getItem(i).Message);
  };
  parseKql = (text) => messages(kusto.KustoCode.Parse(text));
  const tables = Object.entries(DOCUMENTED_TABLES).map(([name, schema]) =>
    kusto.Symbols.TableSymbol.From(schema).WithName(name),
  );
  const globals = kusto.GlobalState.Default.WithDatabase(new kusto.Symbols.DatabaseSymbol.$ctor1('workspace', tables));
  analyzeKql = (text) => messages(kusto.KustoCode.ParseAndAnalyze(text, globals));
  // the parser's first call sets up its whole grammar (seconds on a busy machine): once, here
  parseKql('print 1');
  const loaded = await loadKnowledgeBase({ dir: [path.join(root, 'data/incidents')] });
  incidents = loaded.data.incidents.filter((i) => i.detections.length > 0);
}, 60_000);

/** Quotes closed and brackets balanced outside strings; `quotes` are the string delimiters, `\` escapes if set. */
function balanced(text: string, quotes: string, backslashEscapes: boolean, doubledQuotes = false): string | undefined {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (backslashEscapes && c === '\\') i++;
      else if (c === quote && doubledQuotes && text[i + 1] === quote) i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#' && quotes === "'" && (i === 0 || text[i - 1] === '\n')) {
      i = text.indexOf('\n', i);
      if (i === -1) break;
      continue;
    }
    if (quotes.includes(c)) quote = c;
    else if ('([{'.includes(c)) stack.push(c);
    else if (c in pairs && stack.pop() !== pairs[c]) return `unbalanced ${c} at ${i}`;
  }
  if (quote) return `unclosed ${quote}`;
  return stack.length > 0 ? `unclosed ${stack.join('')}` : undefined;
}

describe('hunting queries from the bundled detections', () => {
  it('has detections to test (Storm-0558 at least)', () => {
    expect(incidents.map((i) => i.id)).toContain('storm-0558');
  });

  it('every KQL query parses without a diagnostic (Microsoft Kusto parser)', () => {
    let count = 0;
    for (const incident of incidents) {
      for (const q of huntQueries(incident, 'kql')) {
        expect({ id: q.id, product: q.product, errors: parseKql(q.query) }).toEqual({
          id: q.id,
          product: q.product,
          errors: [],
        });
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(4);
  });

  it('every KQL query but the all-table text search names only documented tables and columns', () => {
    for (const incident of incidents) {
      for (const q of huntQueries(incident, 'kql').filter((x) => !x.query.includes('\nsearch '))) {
        expect({ id: q.id, product: q.product, errors: analyzeKql(q.query) }).toEqual({
          id: q.id,
          product: q.product,
          errors: [],
        });
      }
    }
    expect(analyzeKql('OfficeActivity | where ClientIPAdress == "x"')).toEqual([
      "The name 'ClientIPAdress' does not refer to any known column, table, variable or function.",
    ]);
  });

  it('the Kusto parser does report a broken query (the check can fail)', () => {
    expect(parseKql('OfficeActivity | where Operation == ').length).toBeGreaterThan(0);
    expect(parseKql('OfficeActivity | where Operation in (dynamic(["a"])').length).toBeGreaterThan(0);
  });

  it('every detection has a KQL, an SPL and a Sigma form, and the mail-audit ones a PowerShell form', () => {
    for (const incident of incidents) {
      for (const detection of incident.detections) {
        const platforms = new Set(
          huntQueries(incident)
            .filter((q) => q.id === detection.id)
            .map((q) => q.platform),
        );
        expect([...platforms].sort(), detection.id).toEqual(
          detection.logs.includes('mailbox-audit') ? ['kql', 'powershell', 'sigma', 'spl'] : ['kql', 'sigma', 'spl'],
        );
      }
    }
  });

  it('every query carries every value its detection resolves to, quoted for its language', () => {
    const quote = { kql: kqlString, spl: splString, powershell: psString, sigma: sigmaValue };
    for (const incident of incidents) {
      for (const detection of incident.detections) {
        const resolved = resolveDetection(incident, detection);
        for (const q of huntQueries(incident).filter((x) => x.id === detection.id)) {
          const text = q.platform === 'sigma' ? JSON.stringify(parse(q.query)) : q.query;
          for (const value of resolved.conditions.flatMap((c) => c.values)) {
            const expected = q.platform === 'sigma' ? JSON.stringify(quote.sigma(value)) : quote[q.platform](value);
            expect(text.includes(expected), `${q.platform} ${q.id} lacks ${expected}`).toBe(true);
          }
        }
      }
    }
  });

  it('SPL and PowerShell have their quotes closed and brackets balanced', () => {
    for (const incident of incidents) {
      for (const q of huntQueries(incident, 'spl')) expect(balanced(q.query, '"', true), q.id).toBeUndefined();
      for (const q of huntQueries(incident, 'powershell'))
        expect(balanced(q.query, "'", false, true), q.id).toBeUndefined();
    }
  });

  it('the balance check does catch an unclosed string and a stray bracket', () => {
    expect(balanced('search x IN ("a", "b)', '"', true)).toBe('unclosed "');
    expect(balanced("$a = @('x'))", "'", false, true)).toMatch(/unbalanced \)/);
  });

  it('Sigma rules are YAML with the required and recommended fields, and a condition naming real selections', () => {
    for (const incident of incidents) {
      for (const q of huntQueries(incident, 'sigma')) {
        const rule = parse(q.query) as Record<string, unknown>;
        expect(typeof rule.title === 'string' && rule.title.length <= 256).toBe(true);
        expect(rule.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(['stable', 'test', 'experimental']).toContain(rule.status);
        expect(['informational', 'low', 'medium', 'high', 'critical']).toContain(rule.level);
        expect(String(rule.date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Object.keys(rule.logsource as object).length).toBeGreaterThan(0);
        const detection = rule.detection as Record<string, unknown>;
        const condition = String(detection.condition);
        const names = Object.keys(detection).filter((k) => k !== 'condition');
        expect(names.length).toBeGreaterThan(0);
        for (const word of condition.split(/[\s()]+/).filter((w) => !/^(and|or|not|all|of|1|them)$/.test(w))) {
          const pattern = new RegExp(`^${word.replace('*', '.*')}$`);
          expect(
            names.some((n) => pattern.test(n)),
            `${q.id}: "${word}" names no selection`,
          ).toBe(true);
        }
        expect(q.query).not.toMatch(/^\s*[&*]a\d/m);
      }
    }
  });

  it('takes indicator values from the indicator list: the detections name no IP, user agent or hex value', () => {
    for (const incident of incidents) {
      const text = JSON.stringify(incident.detections);
      for (const indicator of incident.indicators) expect(text).not.toContain(indicator.value);
      const ips = resolveDetection(
        incident,
        incident.detections.find((d) => d.id === 'indicator-ips') ?? incident.detections[0]!,
      );
      if (incident.id === 'storm-0558') {
        expect(ips.conditions[0]?.values).toEqual(
          incident.indicators.filter((i) => i.type === 'ip').map((i) => i.value),
        );
        expect(ips.window).toEqual({ from: '2023-03-09', to: '2023-07-12' });
      }
    }
  });

  it('searches a kid the data already gives in base64url as it is, beside the hex converted', () => {
    const storm = incidents.find((i) => i.id === 'storm-0558') as Incident;
    const withKid: Incident = {
      ...storm,
      indicators: [
        ...storm.indicators,
        { id: 'ioc-kid', type: 'thumbprint', value: '1LTMzakihiRla_8z2BEJVXeWMqo', sources: ['ms-0714'] },
      ],
    };
    const detection = storm.detections.find((d) => d.id === 'signing-key-id');
    if (!detection) throw new Error('signing-key-id missing');
    expect(resolveDetection(withKid, detection).conditions[0]?.values).toEqual([
      'd4b4cccda9228624656bff33d8110955779632aa',
      '1LTMzakihiRla_8z2BEJVXeWMqo',
    ]);
  });

  it('gives the signing key as its hex thumbprint and as the kid a token header carries', () => {
    expect(hexToBase64Url('d4b4cccda9228624656bff33d8110955779632aa')).toBe('1LTMzakihiRla_8z2BEJVXeWMqo');
    expect(hexToBase64Url('d4b4cccda9228624656bff33d8110955779632aa')).toBe(
      Buffer.from('d4b4cccda9228624656bff33d8110955779632aa', 'hex').toString('base64url'),
    );
    const storm = incidents.find((i) => i.id === 'storm-0558') as Incident;
    const kql = huntQueries(storm, 'kql').find((q) => q.id === 'signing-key-id')?.query ?? '';
    expect(kql).toContain('"1LTMzakihiRla_8z2BEJVXeWMqo"');
    expect(kql).toContain('"d4b4cccda9228624656bff33d8110955779632aa"');
  });
});
