import { z } from 'zod';
import { DEV_IDP_ISSUER, env, EnvReader, isHttpUrl, type Env } from '@fram/config';
import { ISSUER_ALIASES } from '../config/auth-config';
import {
  readTokenAuthMethod,
  readTokenRequestParams,
  type ClientSecretAuthMethod,
  type TokenRequestParams,
} from '../token-client/token-request-params';

/** The frontend's side of OpenID Connect: its client, its callback, its session. */
export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  /** Built from PUBLIC_URL and OIDC_REDIRECT_PATH, never from the request's Host. */
  redirectUri: string;
  /** Where the browser goes after logging out at the IdP. */
  postLogoutRedirectUri: string;
  /** OIDC_TOKEN_AUTH_METHOD (the same for every token request Fram makes as a confidential client). */
  tokenEndpointAuthMethod: ClientSecretAuthMethod;
  /**
   * OIDC_RESOURCE (`resource`, RFC 8707) and OIDC_AUDIENCE_PARAM (Auth0's
   * `audience`): sent on the authorization request and on every token request.
   */
  tokenParams: TokenRequestParams;
  publicUrl: string;
  sessionSecret: string;
  /**
   * Cookies are Secure when PUBLIC_URL is https (behind a TLS-terminating
   * proxy, TRUST_PROXY lets the service see that a request came over https).
   */
  secureCookies: boolean;
}

/** Secrets nobody may run with outside development. */
const KNOWN_SECRETS = new Set(['', 'secret', 'changeme', 'change-me', 'fram', 'fram-dev-session-secret', 'keyboard cat']);
const DEV_SESSION_SECRET = 'fram-dev-session-secret';
const MIN_SECRET_LENGTH = 32;
const MIN_SECRET_BITS = 128;

/**
 * A rough estimate of a secret's entropy: the Shannon entropy of its
 * characters (bits per character) times the length of its shortest repeating
 * unit ('keyboard cat keyboard cat' counts as 'keyboard cat '), so that
 * repeats and a small alphabet add nothing. Random secrets of 32 bytes or more
 * (openssl rand -base64 48, openssl rand -hex 32) score well over 128 bits.
 */
function estimatedSecretBits(secret: string): number {
  const chars = [...secret];
  const counts = new Map<string, number>();
  for (const char of chars) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bitsPerChar = 0;
  for (const count of counts.values()) bitsPerChar -= (count / chars.length) * Math.log2(count / chars.length);
  let unit = 1;
  while (unit < chars.length && chars.slice(unit).join('') !== chars.slice(0, chars.length - unit).join('')) unit++;
  return bitsPerChar * unit;
}

/** localhost, 127.0.0.0/8 and ::1: a browser on the same machine (docker-compose on a laptop). */
const isLoopback = (hostname: string) => hostname === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(hostname) || hostname === '[::1]';

const isStrongSecret = (secret: string) =>
  secret.length >= MIN_SECRET_LENGTH && !KNOWN_SECRETS.has(secret) && estimatedSecretBits(secret) >= MIN_SECRET_BITS;

export function loadOidcClientConfig(source: Env = process.env): OidcClientConfig {
  const reader = new EnvReader(source);
  const development = source['NODE_ENV'] !== 'production';
  const issuer = reader.read({
    name: 'OIDC_ISSUER',
    aliases: ISSUER_ALIASES,
    schema: z
      .string()
      .optional()
      .refine((v) => v === undefined || isHttpUrl(v), 'must be the issuer URL, e.g. https://example.okta.com/oauth2/default')
      .transform((v) => v ?? DEV_IDP_ISSUER),
  });
  const clientId = reader.read({ name: 'OIDC_CLIENT_ID', aliases: [{ name: 'FLASK_OIDC_CLIENT_ID' }], schema: z.string().optional() });
  const clientSecret = reader.read({
    name: 'OIDC_CLIENT_SECRET',
    aliases: [{ name: 'FLASK_OIDC_CLIENT_SECRET' }],
    schema: z.string().optional(),
  });
  const scopes = reader.read({
    name: 'OIDC_SCOPES',
    aliases: [{ name: 'FLASK_OIDC_SCOPES', convert: (v) => v.replace(/,/g, ' ') }],
    schema: env.text('openid email profile offline_access').transform((v) => [...new Set(['openid', ...v.split(/\s+/).filter(Boolean)])]),
  });
  const publicUrl = reader.read({
    name: 'PUBLIC_URL',
    schema: z
      .string()
      .optional()
      .refine(
        (v) => v === undefined || (isHttpUrl(v) && new URL(v).pathname === '/'),
        "must be the frontend's external URL, e.g. https://fram.example.com",
      )
      // The origin: scheme and host in lower case, no trailing slash (HTTPS://Fram.Example.com/ is https://fram.example.com).
      .transform((v) => new URL(v ?? 'http://localhost:5000').origin),
  });
  const redirectPath = reader.read({
    name: 'OIDC_REDIRECT_PATH',
    aliases: [{ name: 'FLASK_OIDC_REDIRECT_URI', convert: (v) => (isHttpUrl(v) ? new URL(v).pathname : v) }],
    schema: env.text('/auth').refine((v) => /^\/[\w\-./]*$/.test(v), 'must be a path such as /auth'),
  });
  const authMethod = readTokenAuthMethod(reader);
  const tokenParams = readTokenRequestParams(reader);
  const sessionSecret = reader.read({ name: 'SESSION_SECRET', schema: z.string().optional() });
  const allowHttp = reader.read({
    name: 'ALLOW_HTTP_PUBLIC_URL',
    schema: z
      .enum(['yes', 'no'], { error: 'must be yes or no' })
      .optional()
      .transform((v) => v === 'yes'),
  });

  if (!development) {
    if (publicUrl.startsWith('http://') && !allowHttp && !isLoopback(new URL(publicUrl).hostname)) {
      reader.problem(
        `PUBLIC_URL: ${publicUrl} is plain http, so sign-ins, tokens and session cookies would travel in clear text; ` +
          'serve Fram over https (e.g. a TLS-terminating proxy, with TRUST_PROXY) and set PUBLIC_URL to its https:// URL, ' +
          'or set ALLOW_HTTP_PUBLIC_URL=yes to run over http anyway (only on a network you trust)',
      );
    }
    if (clientId === undefined || clientSecret === undefined)
      reader.problem("OIDC_CLIENT_ID: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to the frontend's client at your identity provider");
    if (sessionSecret === undefined || !isStrongSecret(sessionSecret)) {
      reader.problem(
        `SESSION_SECRET: set a random secret of at least ${MIN_SECRET_LENGTH} characters, made with openssl rand -base64 48; ` +
          'empty, well-known, repetitive and guessable values are refused outside development',
      );
    }
  }
  reader.done();
  return {
    issuer,
    clientId: clientId ?? 'fram-frontend',
    clientSecret: clientSecret ?? 'fram-frontend-dev-secret',
    scopes,
    redirectUri: `${publicUrl}${redirectPath}`,
    postLogoutRedirectUri: `${publicUrl}/`,
    tokenEndpointAuthMethod: authMethod,
    tokenParams,
    publicUrl,
    sessionSecret: sessionSecret ?? DEV_SESSION_SECRET,
    secureCookies: publicUrl.startsWith('https://'),
  };
}
