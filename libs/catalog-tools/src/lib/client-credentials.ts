import { DEV_IDP_ISSUER, DEV_SCRIPT_CLIENT } from '@fram/config';

/** A token could not be had from the identity provider. */
export class TokenError extends Error {}

/**
 * A client_credentials token from an OpenID provider (token endpoint from its
 * discovery document), fetched once and reused until shortly before it expires.
 */
export function clientCredentialsToken(issuer: string, clientId: string, clientSecret: string, scope: string): () => Promise<string> {
  let cached: { value: string; expiresAt: number } | undefined;
  return async () => {
    if (cached && cached.expiresAt > Date.now() + 30_000) return cached.value;
    const discovery = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`).catch((error: unknown) => {
      throw new TokenError(`Cannot reach the identity provider at ${issuer}: ${error instanceof Error ? error.message : String(error)}`);
    });
    if (!discovery.ok) throw new TokenError(`The identity provider at ${issuer} answered ${discovery.status} for its discovery document`);
    const { token_endpoint: tokenEndpoint } = (await discovery.json()) as { token_endpoint?: string };
    if (!tokenEndpoint) throw new TokenError(`${issuer} names no token endpoint`);
    const response = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!response.ok || !body.access_token) {
      throw new TokenError(`No token for ${clientId}: ${body.error ?? response.status} ${body.error_description ?? ''}`.trim());
    }
    cached = { value: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 };
    return cached.value;
  };
}

/** What the scripts' client asks for unless INGEST_SCOPES says otherwise: admin (ingest, reindex) and what it includes. */
export const DEFAULT_SCRIPT_SCOPES = 'admin:system read:data write:data';

/** The scopes a script asks for: INGEST_SCOPES (spaces or commas between names), or the defaults. */
export function scriptScopes(env: NodeJS.ProcessEnv): string {
  const names = (env['INGEST_SCOPES'] ?? DEFAULT_SCRIPT_SCOPES).split(/[\s,]+/).filter(Boolean);
  return names.length > 0 ? names.join(' ') : DEFAULT_SCRIPT_SCOPES;
}

/**
 * A script's bearer token (npm run ingest, npm run reindex, npm start's
 * loading): TOKEN as it is, or a client_credentials token from OIDC_ISSUER for
 * INGEST_CLIENT_ID and INGEST_CLIENT_SECRET (by default dev-idp's client for
 * scripts) with the scopes of INGEST_SCOPES.
 */
export function scriptToken(env: NodeJS.ProcessEnv): () => Promise<string> {
  const fixed = env['TOKEN'];
  if (fixed) return async () => fixed;
  return clientCredentialsToken(
    env['OIDC_ISSUER'] ?? DEV_IDP_ISSUER,
    env['INGEST_CLIENT_ID'] ?? DEV_SCRIPT_CLIENT.id,
    env['INGEST_CLIENT_SECRET'] ?? DEV_SCRIPT_CLIENT.secret,
    scriptScopes(env),
  );
}
