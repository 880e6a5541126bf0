import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserSession, pkcePair, readForm } from './browser-session';
import { freePort, startNode, workspaceRoot, type NodeProcess } from './node-process';

/** The admin API token of dev-idp's default seed (fault switches). */
export const DEV_IDP_ADMIN_TOKEN = '00devidp-admin-api-token-not-a-secret';
/** The Users API token of dev-idp's default seed. */
export const DEV_IDP_USERS_API_TOKEN = '00devidp-users-api-token-not-a-secret';

export interface DevIdp {
  process: NodeProcess;
  /** Scheme, host and port; also the org authorization server's issuer. */
  origin: string;
  /** The custom authorization server's issuer, which Fram's APIs trust. */
  issuer: string;
  /** Sets fault switches (`keys`, `keysDelayMs`, `usersApi429`). */
  setFaults(faults: Record<string, unknown>): Promise<void>;
  /** Rotates the signing key; returns the new kid. */
  rotateKey(options?: { withdrawOld?: boolean }): Promise<string>;
  /**
   * A person's access token, from a real sign-in on dev-idp's pages (code flow
   * with PKCE, as the public client fram-cli).
   */
  userToken(username: string, scope?: string): Promise<string>;
  /** A client_credentials access token from the custom (or org) authorization server. */
  clientToken(clientId: string, secret: string, scope: string, server?: 'default' | 'org'): Promise<string>;
  stop(): Promise<void>;
}

/** The built dev-idp (run `nx build dev-idp` first; the test targets depend on it). */
export const devIdpScript = () => join(workspaceRoot(), 'dist', 'apps', 'dev-idp', 'main.js');

/**
 * Starts the real dev-idp (apps/dev-idp, on oidc-provider) on a free loopback
 * port with its default seed and the fault switches on. `frontends` (base
 * URLs of frontends under test) are registered as fram-frontend's redirect
 * (`{base}/auth`) and post-logout (`{base}/`) URIs.
 */
export async function startDevIdp(env: Record<string, string> = {}, frontends: readonly string[] = []): Promise<DevIdp> {
  if (frontends.length > 0 && env['DEV_IDP_SEED'] === undefined) env = { ...env, DEV_IDP_SEED: seedWithFrontends(frontends) };
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const process = await startNode(devIdpScript(), {
    port,
    env: { DEV_IDP_ORIGIN: origin, DEV_IDP_FAULTS: 'on', LOG_LEVEL: 'warn', ...env },
  });
  const admin = { authorization: `SSWS ${DEV_IDP_ADMIN_TOKEN}`, 'content-type': 'application/json' };
  return {
    process,
    origin,
    issuer: `${origin}/oauth2/default`,
    async setFaults(faults) {
      const response = await fetch(`${origin}/admin/faults`, { method: 'PUT', headers: admin, body: JSON.stringify(faults) });
      if (!response.ok) throw new Error(`setting faults failed: ${response.status} ${await response.text()}`);
    },
    async rotateKey(options = {}) {
      const response = await fetch(`${origin}/admin/keys/rotate${options.withdrawOld ? '?withdrawOld=true' : ''}`, {
        method: 'POST',
        headers: admin,
      });
      return ((await response.json()) as { kid: string }).kid;
    },
    userToken: (username, scope = 'openid email profile') => signInAs(`${origin}/oauth2/default`, username, scope),
    async clientToken(clientId, secret, scope, server = 'default') {
      const tokenUrl = server === 'default' ? `${origin}/oauth2/default/v1/token` : `${origin}/oauth2/v1/token`;
      const response = await fetch(tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    stop: () => process.stop(),
  };
}

async function signInAs(issuer: string, username: string, scope: string): Promise<string> {
  const browser = new BrowserSession();
  const redirectUri = 'http://127.0.0.1:8765/callback';
  const { verifier, challenge } = pkcePair();
  const params = new URLSearchParams({
    client_id: 'fram-cli',
    response_type: 'code',
    scope,
    redirect_uri: redirectUri,
    state: 'state',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const start = await browser.follow(`${issuer}/v1/authorize?${params.toString()}`, {}, redirectUri);
  const { action } = readForm(await start.response.text());
  const done = await browser.submit(new URL(action, start.url).href, { username, password: 'fram-demo' }, redirectUri);
  const code = new URL(done.url).searchParams.get('code');
  if (!code) throw new Error(`sign-in of ${username} failed: ${done.url}`);
  const response = await fetch(`${issuer}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: 'fram-cli',
      code_verifier: verifier,
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token for ${username}: ${JSON.stringify(body)}`);
  return body.access_token;
}

/** dev-idp's default seed, with fram-frontend's redirect and post-logout URIs for these frontends, in a temporary file. */
function seedWithFrontends(bases: readonly string[]): string {
  const seed = JSON.parse(readFileSync(join(workspaceRoot(), 'apps', 'dev-idp', 'src', 'seed', 'default-seed.json'), 'utf8')) as {
    clients: { client_id: string; redirect_uris: string[]; post_logout_redirect_uris: string[] }[];
  };
  const client = seed.clients.find((c) => c.client_id === 'fram-frontend')!;
  for (const base of bases) {
    client.redirect_uris.push(`${base}/auth`);
    client.post_logout_redirect_uris.push(`${base}/`);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'fram-seed-')), 'seed.json');
  writeFileSync(file, JSON.stringify(seed));
  return file;
}
