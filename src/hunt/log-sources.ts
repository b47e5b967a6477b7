/**
 * Where each detection log lives on each platform, and which column carries each detection field. Every table,
 * sourcetype and field name comes from the product's own documentation, cited next to it.
 */
import type { DetectionField } from '../core/model.js';

/** A log a detection reads (the `logs` of a detection in the incident data). */
export type DetectionLog = 'mailbox-audit' | 'sign-in' | 'graph-activity' | 'any';

/** How a field's values are compared: `exact` equality, or `address` for IP columns that may carry a port. */
export type Match = 'exact' | 'address';

export interface FieldColumns {
  columns: readonly string[];
  match: Match;
}

/** One table of a KQL platform and the columns it gives each detection field. */
export interface KqlTable {
  table: string;
  product: 'Microsoft Sentinel' | 'Microsoft Defender XDR';
  time: string;
  /** `extend` expressions that lift fields out of a JSON column before they are compared */
  extend?: string;
  fields: Partial<Record<DetectionField, FieldColumns>>;
  /** the common columns every table of a union projects: user, IP address, user agent, activity */
  show: { user: string; ip: string; userAgent: string; activity: string };
}

const exact = (...columns: string[]): FieldColumns => ({ columns, match: 'exact' });
const address = (...columns: string[]): FieldColumns => ({ columns, match: 'address' });

/**
 * Microsoft Sentinel / Log Analytics and Defender XDR advanced hunting tables, by log. `any` is a text search of
 * every table (`search`), so it has no table here.
 */
export const KQL_TABLES: Readonly<Record<Exclude<DetectionLog, 'any'>, readonly KqlTable[]>> = {
  'mailbox-audit': [
    {
      // https://learn.microsoft.com/azure/azure-monitor/reference/tables/officeactivity
      // (Operation, AppId, ClientAppId, ClientIP, Client_IPAddress, ClientInfoString, UserAgent, UserId, MailboxOwnerUPN)
      table: 'OfficeActivity',
      product: 'Microsoft Sentinel',
      time: 'TimeGenerated',
      fields: {
        operation: exact('Operation'),
        application: exact('AppId'),
        clientApplication: exact('ClientAppId'),
        clientIp: address('ClientIP', 'Client_IPAddress'),
        userAgent: exact('ClientInfoString', 'UserAgent'),
      },
      show: {
        user: 'UserId',
        ip: 'coalesce(Client_IPAddress, ClientIP)',
        userAgent: 'coalesce(ClientInfoString, UserAgent)',
        activity: 'Operation',
      },
    },
    {
      // https://learn.microsoft.com/defender-xdr/advanced-hunting-cloudappevents-table
      // (ActionType, IPAddress, UserAgent, AccountDisplayName, RawEventData with the audit record's AppId/ClientAppId)
      table: 'CloudAppEvents',
      product: 'Microsoft Defender XDR',
      time: 'Timestamp',
      extend: 'AppId = tostring(RawEventData.AppId), ClientAppId = tostring(RawEventData.ClientAppId)',
      fields: {
        operation: exact('ActionType'),
        application: exact('AppId'),
        clientApplication: exact('ClientAppId'),
        clientIp: exact('IPAddress'),
        userAgent: exact('UserAgent'),
      },
      show: { user: 'AccountDisplayName', ip: 'IPAddress', userAgent: 'UserAgent', activity: 'ActionType' },
    },
  ],
  'sign-in': [
    {
      // https://learn.microsoft.com/azure/azure-monitor/reference/tables/signinlogs
      // (IPAddress, UserAgent, AppId, AppDisplayName, UserPrincipalName)
      table: 'SigninLogs',
      product: 'Microsoft Sentinel',
      time: 'TimeGenerated',
      fields: { application: exact('AppId'), clientIp: exact('IPAddress'), userAgent: exact('UserAgent') },
      show: { user: 'UserPrincipalName', ip: 'IPAddress', userAgent: 'UserAgent', activity: 'AppDisplayName' },
    },
    {
      // https://learn.microsoft.com/azure/azure-monitor/reference/tables/aadnoninteractiveusersigninlogs
      // (same sign-in columns as SigninLogs, for token refreshes and other non-interactive sign-ins)
      table: 'AADNonInteractiveUserSignInLogs',
      product: 'Microsoft Sentinel',
      time: 'TimeGenerated',
      fields: { application: exact('AppId'), clientIp: exact('IPAddress'), userAgent: exact('UserAgent') },
      show: { user: 'UserPrincipalName', ip: 'IPAddress', userAgent: 'UserAgent', activity: 'AppDisplayName' },
    },
  ],
  'graph-activity': [
    {
      // https://learn.microsoft.com/azure/azure-monitor/reference/tables/microsoftgraphactivitylogs
      // (IPAddress, UserAgent, AppId, UserId, RequestMethod, RequestUri)
      table: 'MicrosoftGraphActivityLogs',
      product: 'Microsoft Sentinel',
      time: 'TimeGenerated',
      fields: { application: exact('AppId'), clientIp: exact('IPAddress'), userAgent: exact('UserAgent') },
      show: {
        user: 'UserId',
        ip: 'IPAddress',
        userAgent: 'UserAgent',
        activity: 'strcat(RequestMethod, " ", RequestUri)',
      },
    },
  ],
};

/**
 * Splunk: the Unified Audit Log as the Splunk Add-on for Microsoft Office 365 indexes it, sourcetype
 * `o365:management:activity` (the macro Splunk's own detections use: splunk/security_content,
 * macros/o365_management_activity.yml). Field names are the Office 365 Management Activity API schema's:
 * https://learn.microsoft.com/office/office-365-management-api/office-365-management-activity-api-schema
 * (common schema: Workload, Operation, UserId, ClientIP; Exchange mailbox schema: ClientIPAddress, ClientInfoString,
 * MailboxOwnerUPN, AppId, ClientAppId; Azure AD schema: ActorIpAddress, ExtendedProperties with the user agent).
 */
export const SPLUNK_SOURCETYPE = 'o365:management:activity';

export interface SplunkLog {
  /** the `Workload` of the management activity records */
  workload: string;
  fields: Partial<Record<DetectionField, FieldColumns>>;
}

export const SPLUNK_LOGS: Readonly<Partial<Record<DetectionLog, SplunkLog>>> = {
  'mailbox-audit': {
    workload: 'Exchange',
    fields: {
      operation: exact('Operation'),
      application: exact('AppId'),
      clientApplication: exact('ClientAppId'),
      clientIp: address('ClientIPAddress', 'ClientIP'),
      userAgent: exact('ClientInfoString', 'UserAgent'),
    },
  },
  'sign-in': {
    workload: 'AzureActiveDirectory',
    fields: {
      operation: exact('Operation'),
      clientIp: address('ClientIP', 'ActorIpAddress'),
      userAgent: exact('ExtendedProperties{}.Value'),
    },
  },
};

/**
 * Sigma: the log source of each log and the field names of its events (the same Microsoft schemas as above).
 * The log sources are from the Sigma taxonomy appendix, which has no Graph activity log source:
 * https://github.com/SigmaHQ/sigma-specification/blob/main/specification/sigma-appendix-taxonomy.md
 * (`product: m365, service: audit`; `product: azure, service: signinlogs`; `category: application`).
 */
export interface SigmaLog {
  logsource: Record<string, string>;
  fields: Partial<Record<DetectionField, readonly string[]>>;
}

export const SIGMA_LOGS: Readonly<Partial<Record<DetectionLog, SigmaLog>>> = {
  'mailbox-audit': {
    logsource: { product: 'm365', service: 'audit' },
    fields: {
      operation: ['Operation'],
      application: ['AppId'],
      clientApplication: ['ClientAppId'],
      clientIp: ['ClientIPAddress', 'ClientIP'],
      userAgent: ['ClientInfoString', 'UserAgent'],
    },
  },
  'sign-in': {
    logsource: { product: 'azure', service: 'signinlogs' },
    fields: { application: ['AppId'], clientIp: ['IPAddress'], userAgent: ['UserAgent'] },
  },
  any: { logsource: { category: 'application' }, fields: {} },
};
