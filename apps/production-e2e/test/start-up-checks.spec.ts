import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_IDP_USERS_API_TOKEN, freePort, runNode } from '@fram/testing';
import { dist } from './production-stack';

const ISSUER = 'https://fram.example.okta.com/oauth2/default';

/** A complete production configuration per app; each case takes one thing away or gets one wrong. */
const complete: Record<string, Record<string, string>> = {
  search: { OIDC_ISSUER: ISSUER },
  metadata: {
    OIDC_ISSUER: ISSUER,
    OKTA_API_TOKEN: DEV_IDP_USERS_API_TOKEN,
    SERVICE_CLIENT_ID: 'fram-metadata',
    SERVICE_CLIENT_SECRET: 'fram-metadata-dev-secret',
  },
  frontend: {
    OIDC_ISSUER: ISSUER,
    OIDC_CLIENT_ID: 'fram-frontend',
    OIDC_CLIENT_SECRET: 'fram-frontend-dev-secret',
    SESSION_SECRET: randomBytes(48).toString('base64'),
    PUBLIC_URL: 'https://fram.example.com',
    TRUST_PROXY: '1',
  },
  'dev-idp': { DEV_IDP_ALLOW_PRODUCTION: 'yes' },
};

/** What production refuses at start, each naming the variable to set. */
const refusals: { app: string; change: Record<string, string | undefined>; names: RegExp }[] = [
  { app: 'search', change: { OIDC_ISSUER: undefined }, names: /OIDC_ISSUER: must be set when NODE_ENV=production/ },
  { app: 'metadata', change: { OIDC_ISSUER: undefined }, names: /OIDC_ISSUER: must be set when NODE_ENV=production/ },
  { app: 'metadata', change: { OKTA_API_TOKEN: undefined, SERVICE_CLIENT_ID: undefined }, names: /OKTA_API_TOKEN: set an Okta API token/ },
  {
    app: 'metadata',
    change: { SERVICE_CLIENT_ID: undefined },
    names: /SERVICE_CLIENT_ID: set SERVICE_CLIENT_ID and SERVICE_CLIENT_SECRET/,
  },
  { app: 'frontend', change: { OIDC_ISSUER: undefined }, names: /OIDC_ISSUER: must be set when NODE_ENV=production/ },
  { app: 'frontend', change: { OIDC_CLIENT_SECRET: undefined }, names: /OIDC_CLIENT_ID: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/ },
  { app: 'frontend', change: { SESSION_SECRET: undefined }, names: /SESSION_SECRET: set a random secret/ },
  {
    app: 'frontend',
    change: { SESSION_SECRET: 'keyboard cat keyboard cat keyboard cat' },
    names: /SESSION_SECRET: .*openssl rand -base64 48/,
  },
  { app: 'frontend', change: { SESSION_SECRET: 'a'.repeat(36) }, names: /SESSION_SECRET: / },
  {
    app: 'frontend',
    change: { PUBLIC_URL: 'http://fram.example.com' },
    names: /PUBLIC_URL: http:\/\/fram.example.com is plain http.*clear text.*ALLOW_HTTP_PUBLIC_URL=yes/,
  },
  { app: 'frontend', change: { TRUST_PROXY: 'sometimes' }, names: /TRUST_PROXY: must be a hop count .* or the addresses of the proxies/ },
  { app: 'metadata', change: { TRUST_PROXY: 'all' }, names: /TRUST_PROXY: must be a hop count/ },
  { app: 'search', change: { TRUST_PROXY: '10.0.0.0/33' }, names: /TRUST_PROXY: must be a hop count/ },
  { app: 'dev-idp', change: { DEV_IDP_ALLOW_PRODUCTION: undefined }, names: /NODE_ENV: dev-idp refuses to start with NODE_ENV=production/ },
];

/** (Run with none of these variables in the shell: a case that removes one must not get it from there.) */
describe('production start-up checks of the built apps', () => {
  async function start(app: string, change: Record<string, string | undefined>) {
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-prod-check-')),
    };
    for (const [name, value] of Object.entries({ ...complete[app], ...change })) {
      if (value !== undefined) env[name] = value;
    }
    return runNode(dist(app), env, 20_000);
  }

  it.each(refusals)('$app refuses to start: $names', async ({ app, change, names }) => {
    const { code, output } = await start(app, change);
    expect(code).not.toBe(0);
    expect(output).toMatch(names);
    expect(output).not.toMatch(/^\s+at /m); // a message, not a stack trace
  });
});
