import { randomBytes } from 'node:crypto';
import { type ConfigError } from '@fram/config';
import { loadAuthConfig } from '../config/auth-config';
import { KeyStore } from '../keys/key-store';
import { loadOidcClientConfig } from './oidc-client-config';
import { codeChallenge, createLoginStrategy } from './oidc-login';

const problems = (env: Record<string, string>) => {
  try {
    loadOidcClientConfig(env);
  } catch (error) {
    return (error as ConfigError).problems;
  }
  return [];
};

/** A secret as `openssl rand -base64 48` makes one. */
const randomSecret = () => randomBytes(48).toString('base64');

describe('loadOidcClientConfig', () => {
  it('works on a laptop with no configuration (dev-idp, its fram-frontend client)', () => {
    expect(loadOidcClientConfig({})).toMatchObject({
      issuer: 'http://localhost:5005/oauth2/default',
      clientId: 'fram-frontend',
      scopes: ['openid', 'email', 'profile', 'offline_access'],
      redirectUri: 'http://localhost:5000/auth',
      postLogoutRedirectUri: 'http://localhost:5000/',
      tokenEndpointAuthMethod: 'client_secret_basic',
      secureCookies: false,
    });
  });

  it('reads OIDC_TOKEN_AUTH_METHOD as every other token client of Fram does (one reader, one message)', () => {
    expect(loadOidcClientConfig({ OIDC_TOKEN_AUTH_METHOD: 'client_secret_post' }).tokenEndpointAuthMethod).toBe('client_secret_post');
    expect(problems({ OIDC_TOKEN_AUTH_METHOD: 'none' })).toEqual([
      'OIDC_TOKEN_AUTH_METHOD: must be client_secret_basic or client_secret_post (got "none")',
    ]);
  });

  it('builds the redirect URI from PUBLIC_URL and OIDC_REDIRECT_PATH, never from a request', () => {
    const config = loadOidcClientConfig({ PUBLIC_URL: 'https://fram.example.com/', OIDC_REDIRECT_PATH: '/oidc/callback' });
    expect(config.redirectUri).toBe('https://fram.example.com/oidc/callback');
    expect(config.secureCookies).toBe(true);
  });

  it("reads Amundsen's flaskoidc names", () => {
    expect(
      loadOidcClientConfig({
        FLASK_OIDC_CONFIG_URL: 'https://acme.okta.com/oauth2/default/.well-known/openid-configuration',
        FLASK_OIDC_CLIENT_ID: 'abc',
        FLASK_OIDC_CLIENT_SECRET: 'def',
        FLASK_OIDC_SCOPES: 'openid,email,profile',
        FLASK_OIDC_REDIRECT_URI: 'https://fram.example.com/auth',
      }),
    ).toMatchObject({
      issuer: 'https://acme.okta.com/oauth2/default',
      clientId: 'abc',
      clientSecret: 'def',
      scopes: ['openid', 'email', 'profile'],
    });
  });

  it('refuses an empty or well-known SESSION_SECRET, and missing client credentials, outside development', () => {
    const base = {
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://acme.okta.com/oauth2/default',
      OIDC_CLIENT_ID: 'a',
      OIDC_CLIENT_SECRET: 'b',
    };
    for (const secret of ['', 'secret', 'keyboard cat', 'fram-dev-session-secret', 'short']) {
      expect(problems({ ...base, SESSION_SECRET: secret })).toEqual([
        expect.stringMatching(/^SESSION_SECRET: set a random secret of at least 32 characters/),
      ]);
    }
    expect(problems({ ...base, SESSION_SECRET: randomSecret() })).toEqual([]);
    expect(problems({ NODE_ENV: 'production', SESSION_SECRET: randomSecret() })).toEqual([
      expect.stringMatching(/^OIDC_CLIENT_ID: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/),
    ]);
  });

  it('in production, refuses a plain-http PUBLIC_URL unless it is loopback or ALLOW_HTTP_PUBLIC_URL=yes; cookies are Secure exactly when PUBLIC_URL is https', () => {
    const base = {
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://acme.okta.com/oauth2/default',
      OIDC_CLIENT_ID: 'a',
      OIDC_CLIENT_SECRET: 'b',
      SESSION_SECRET: randomSecret(),
    };
    for (const url of [
      'http://fram.internal',
      'http://10.0.0.5:5000',
      'http://127.example.com',
      'HTTP://fram.example.com',
      'Http://fram.example.com/',
    ]) {
      expect(problems({ ...base, PUBLIC_URL: url })).toEqual([
        expect.stringMatching(/^PUBLIC_URL: .* is plain http.*clear text.*https.*ALLOW_HTTP_PUBLIC_URL=yes/),
      ]);
    }
    expect(loadOidcClientConfig({ ...base, PUBLIC_URL: 'http://fram.internal', ALLOW_HTTP_PUBLIC_URL: 'yes' }).secureCookies).toBe(false);
    expect(problems({ ...base, PUBLIC_URL: 'http://fram.internal', ALLOW_HTTP_PUBLIC_URL: 'sure' })).toContainEqual(
      expect.stringMatching(/^ALLOW_HTTP_PUBLIC_URL: must be yes or no/),
    );
    for (const url of ['http://localhost:5000', 'http://127.0.0.1:8080', 'http://[::1]:5000'])
      expect(loadOidcClientConfig({ ...base, PUBLIC_URL: url }).secureCookies).toBe(false);
    expect(loadOidcClientConfig({ ...base, PUBLIC_URL: 'https://fram.example.com' }).secureCookies).toBe(true);
    expect(loadOidcClientConfig({ ...base, PUBLIC_URL: 'HTTPS://Fram.Example.com/' })).toMatchObject({
      publicUrl: 'https://fram.example.com',
      secureCookies: true,
      redirectUri: 'https://fram.example.com/auth',
    });
    expect(loadOidcClientConfig({ PUBLIC_URL: 'https://fram.example.com' }).secureCookies).toBe(true);
  });

  it('refuses a long SESSION_SECRET with little variety, saying how to make a good one', () => {
    const base = { NODE_ENV: 'production', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' };
    for (const secret of [
      'a'.repeat(36),
      'keyboard cat keyboard cat keyboard cat',
      'keyboard cat '.repeat(3),
      'abc'.repeat(16),
      'abcdefgh'.repeat(6),
      '0123456789'.repeat(4),
      'my-session-secret-is-long-enough',
    ]) {
      expect([secret, problems({ ...base, SESSION_SECRET: secret })]).toEqual([
        secret,
        [expect.stringMatching(/^SESSION_SECRET: .*random.*openssl rand -base64 48/)],
      ]);
    }
  });

  it('accepts random secrets as openssl makes them (rand -base64 48, rand -hex 32), in development too', () => {
    const base = { NODE_ENV: 'production', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' };
    for (let i = 0; i < 200; i++) {
      for (const secret of [randomBytes(48).toString('base64'), randomBytes(32).toString('hex'), randomBytes(32).toString('base64url')]) {
        expect([secret, problems({ ...base, SESSION_SECRET: secret })]).toEqual([secret, []]);
      }
    }
    expect(problems({ SESSION_SECRET: 'a'.repeat(36) })).toEqual([]); // development takes anything
  });
});

describe('the authorization request', () => {
  const endpoints = {
    issuer: 'https://idp.example.com',
    authorization_endpoint: 'https://idp.example.com/authorize',
    token_endpoint: 'https://idp.example.com/token',
    jwks_uri: 'https://idp.example.com/keys',
  };
  const paramsOf = (env: Record<string, string>) => {
    const strategy = createLoginStrategy(loadOidcClientConfig(env), endpoints, new KeyStore(loadAuthConfig({})), () => undefined);
    return (strategy as unknown as { authorizationParams: (o: object) => Record<string, string> }).authorizationParams({
      state: { verifier: 'v'.repeat(43) },
    });
  };

  it('carries the PKCE challenge, and the audience only when OIDC_AUDIENCE_PARAM asks for it (Auth0)', () => {
    expect(paramsOf({})).toEqual({ code_challenge: codeChallenge('v'.repeat(43)), code_challenge_method: 'S256' });
    expect(paramsOf({ OIDC_AUDIENCE_PARAM: 'api://fram' })).toMatchObject({ audience: 'api://fram', code_challenge_method: 'S256' });
  });

  it('carries OIDC_RESOURCE as resource, once per indicator', () => {
    expect(paramsOf({ OIDC_RESOURCE: 'https://fram.example.com/api' })).toEqual({
      code_challenge: codeChallenge('v'.repeat(43)),
      code_challenge_method: 'S256',
      resource: 'https://fram.example.com/api',
    });
    expect(paramsOf({ OIDC_RESOURCE: 'api://fram, urn:fram:search', OIDC_AUDIENCE_PARAM: 'api://fram' })).toMatchObject({
      resource: ['api://fram', 'urn:fram:search'],
      audience: 'api://fram',
    });
  });
});
