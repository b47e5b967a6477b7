/**
 * Bot Framework authentication from the Teams configuration. With an app id every inbound JWT is validated by
 * botbuilder (401 otherwise) and replies are signed with the app's credentials; without one, requests are taken
 * unauthenticated (the Emulator on this machine: the configuration allows it only in local mode or with
 * BOT_EMULATOR=true, and `local-gate.ts` checks every such request before botbuilder sees it).
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { TeamsConfig } from '../../src/config.js';

/**
 * Overrides for offline tests: the parameterized Bot Framework settings (OpenID metadata URLs, issuer, login URL,
 * OAuth scope… — all of them, or botbuilder fills in undefined) and an outbound credentials factory.
 */
export interface TeamsAuthOverrides {
  settings?: Record<string, string | boolean>;
  credentialsFactory?: ServiceClientCredentialsFactory;
}

export function createAuthentication(
  config: TeamsConfig,
  overrides: TeamsAuthOverrides = {},
): ConfigurationBotFrameworkAuthentication {
  if (!config.appId) return new ConfigurationBotFrameworkAuthentication({});
  const settings: Record<string, string | boolean | undefined> = {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppTenantId: config.tenantId,
    MicrosoftAppType: config.appType,
    ...overrides.settings,
  };
  return new ConfigurationBotFrameworkAuthentication(settings, overrides.credentialsFactory);
}
