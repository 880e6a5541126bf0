import {
  ClientCredentialsToken,
  readTokenAuthMethod,
  readTokenRequestParams,
  TokenClient,
  tokenFailureReason,
  type ClientSecretAuthMethod,
  type TokenRequestParams,
} from '@fram/auth';
import { DEV_IDP_ISSUER, DEV_SCRIPT_CLIENT, EnvReader } from '@fram/config';

/** A token could not be had from the identity provider. */
export class TokenError extends Error {}

/**
 * A client_credentials token from an OpenID provider (token endpoint from its
 * discovery document), fetched once and reused until shortly before it
 * expires; requests go through @fram/auth's TokenClient and carry `params`
 * (OIDC_RESOURCE, OIDC_AUDIENCE_PARAM), the client authenticating with
 * `authMethod` (OIDC_TOKEN_AUTH_METHOD). A failure is a TokenError saying
 * whether the token endpoint refused (its OAuth error) or could not be reached.
 */
export function clientCredentialsToken(
  issuer: string,
  clientId: string,
  clientSecret: string,
  scope: string,
  params: TokenRequestParams = {},
  authMethod: ClientSecretAuthMethod = 'client_secret_basic',
): () => Promise<string> {
  let client: Promise<TokenClient> | undefined;
  const discovered = () =>
    (client ??= TokenClient.discover(issuer, { clientId, clientSecret, authMethod }, { params }).catch((error: unknown) => {
      client = undefined; // discovery is tried again on the next call
      throw error;
    }));
  const token = new ClientCredentialsToken(discovered, scope);
  return async () => {
    try {
      return await token.get();
    } catch (error) {
      const reason = tokenFailureReason(error);
      if (reason) throw new TokenError(`No token for ${clientId} from ${issuer}: ${reason}`);
      throw error;
    }
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
 * scripts) with the scopes of INGEST_SCOPES, OIDC_RESOURCE,
 * OIDC_AUDIENCE_PARAM and OIDC_TOKEN_AUTH_METHOD (read at once, before any
 * request: a ConfigError naming each variable that is wrong).
 */
export function scriptToken(env: NodeJS.ProcessEnv): () => Promise<string> {
  const fixed = env['TOKEN'];
  if (fixed) return async () => fixed;
  const reader = new EnvReader(env);
  const params = readTokenRequestParams(reader);
  const authMethod = readTokenAuthMethod(reader);
  reader.done();
  return clientCredentialsToken(
    env['OIDC_ISSUER'] ?? DEV_IDP_ISSUER,
    env['INGEST_CLIENT_ID'] ?? DEV_SCRIPT_CLIENT.id,
    env['INGEST_CLIENT_SECRET'] ?? DEV_SCRIPT_CLIENT.secret,
    scriptScopes(env),
    params,
    authMethod,
  );
}
