/**
 * An offline OpenID metadata + JWKS server for Bot Framework auth tests, and a signer for tokens it vouches for.
 * botbuilder caches metadata per URL for the whole process: start a new server (new port) per test suite.
 *
 * @example
 * const idp = await startOpenIdServer();
 * const token = await idp.sign({ aud: APP_ID, serviceurl: connector.url });
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

export interface OpenIdServer {
  url: string;
  /** the metadata document URL (`ToBotFromChannelOpenIdMetadataUrl`) */
  metadataUrl: string;
  /** the issuer tokens carry (`ToBotFromChannelTokenIssuer`) */
  issuer: string;
  /** the published key id */
  kid: string;
  /** signs claims with the published key (or with an unpublished one when `unknownKey` is set) */
  sign(
    claims: JWTPayload,
    options?: { expiresInSeconds?: number; unknownKey?: boolean; issuer?: string },
  ): Promise<string>;
  close(): Promise<void>;
}

export const FAKE_ISSUER = 'https://api.botframework.test';

export async function startOpenIdServer(endorsements: string[] = ['msteams', 'emulator']): Promise<OpenIdServer> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256', { extractable: true });
  const kid = `test-key-${Math.random().toString(36).slice(2, 8)}`;
  const jwk = { ...(await exportJWK(published.publicKey)), kid, use: 'sig', alg: 'RS256', endorsements };
  let base = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const body =
      path === '/openid'
        ? { issuer: FAKE_ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }
        : path === '/keys'
          ? { keys: [jwk] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sign = async (
    claims: JWTPayload,
    options: { expiresInSeconds?: number; unknownKey?: boolean; issuer?: string } = {},
  ) => {
    const key: CryptoKey = options.unknownKey ? stranger.privateKey : published.privateKey;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: options.unknownKey ? `${kid}-unknown` : kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? FAKE_ISSUER)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
      .sign(key);
  };

  return {
    url: base,
    metadataUrl: `${base}/openid`,
    issuer: FAKE_ISSUER,
    kid,
    sign,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
