import { z } from 'zod';
import { env, EnvReader, isHttpUrl, type Env } from '@fram/config';
import { DEV_IDP_ISSUER, ISSUER_ALIASES } from '../config/auth-config';

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
  tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post';
  /** Sent as `audience` in the authorization request (Auth0 issues API access tokens only when asked). */
  audienceParam?: string;
  publicUrl: string;
  sessionSecret: string;
  /** Cookies are Secure unless the frontend is served over plain HTTP in development. */
  secureCookies: boolean;
}

/** Secrets nobody may run with outside development. */
const KNOWN_SECRETS = new Set(['', 'secret', 'changeme', 'change-me', 'fram', 'fram-dev-session-secret', 'keyboard cat']);
const DEV_SESSION_SECRET = 'fram-dev-session-secret';

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
  const clientSecret = reader.read({ name: 'OIDC_CLIENT_SECRET', aliases: [{ name: 'FLASK_OIDC_CLIENT_SECRET' }], schema: z.string().optional() });
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
      .refine((v) => v === undefined || (isHttpUrl(v) && new URL(v).pathname === '/'), 'must be the frontend\'s external URL, e.g. https://fram.example.com')
      .transform((v) => (v ?? 'http://localhost:5000').replace(/\/$/, '')),
  });
  const redirectPath = reader.read({
    name: 'OIDC_REDIRECT_PATH',
    aliases: [{ name: 'FLASK_OIDC_REDIRECT_URI', convert: (v) => (isHttpUrl(v) ? new URL(v).pathname : v) }],
    schema: env.text('/auth').refine((v) => /^\/[\w\-./]*$/.test(v), 'must be a path such as /auth'),
  });
  const authMethod = reader.read({
    name: 'OIDC_TOKEN_AUTH_METHOD',
    schema: z.enum(['client_secret_basic', 'client_secret_post'], { error: 'must be client_secret_basic or client_secret_post' }).optional().transform((v) => v ?? 'client_secret_basic'),
  });
  const audienceParam = reader.read({ name: 'OIDC_AUDIENCE_PARAM', schema: z.string().max(500, 'is too long').optional() });
  const sessionSecret = reader.read({ name: 'SESSION_SECRET', schema: z.string().optional() });

  if (!development) {
    if (clientId === undefined || clientSecret === undefined) reader.problem('OIDC_CLIENT_ID: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to the frontend\'s client at your identity provider');
    if (sessionSecret === undefined || KNOWN_SECRETS.has(sessionSecret) || sessionSecret.length < 32) {
      reader.problem('SESSION_SECRET: set a random secret of at least 32 characters (e.g. openssl rand -base64 48); empty and well-known values are refused outside development');
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
    ...(audienceParam !== undefined && { audienceParam }),
    publicUrl,
    sessionSecret: sessionSecret ?? DEV_SESSION_SECRET,
    secureCookies: !development || publicUrl.startsWith('https://'),
  };
}
