import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuthConfig } from '@fram/auth';
import { Clock, systemClock } from '@fram/config';
import {
  type BrowserSession,
  freePort,
  ingestSampleCatalog,
  startDevIdp,
  startNode,
  startTestApp,
  workspaceRoot,
  type DevIdp,
  type NodeProcess,
  type RunningApp,
} from '@fram/testing';
import { AppModule, type FrontendAppOptions } from '../src/app/app.module';
import { loadFrontendConfig } from '../src/config/frontend-config';
import { SessionMiddleware } from '../src/login/login.module';

const root = workspaceRoot();
export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** Roles from dev-idp's groups, as an operator would configure them. */
export const ROLE_GROUPS = { ADMIN_GROUPS: 'Fram Admins', WRITE_GROUPS: 'Data Engineers,Analysts' };

/** dev-idp with its default seed, plus this test's frontend(s) registered as fram-frontend's redirect and post-logout URIs. */
export const devIdpFor = (bases: string | string[], env: Record<string, string> = {}): Promise<DevIdp> => startDevIdp(env, [bases].flat());

/**
 * The frontend's and auth's configuration from `env` (variables as an operator
 * sets them, never process.env), with the web UI's build and a fresh DATA_DIR
 * unless `env` names others. A wrong variable throws, naming it.
 */
export function frontendOptions(env: Record<string, string>): Required<FrontendAppOptions> {
  const source = { WEB_ROOT: join(root, 'dist', 'apps', 'web'), DATA_DIR: tempDir('fram-fe-'), ...env };
  return { frontend: loadFrontendConfig(source), auth: loadAuthConfig(source) };
}

/**
 * The frontend in this process (as main.ts starts it), on `port`, configured
 * from `env` (frontendOptions), its session and token times read from `clock`
 * (a ManualClock lets a test move past an access token's expiry instead of
 * sleeping); with its API docs when `docs`; TRUST_PROXY and PUBLIC_URL (HSTS)
 * from `env` too, as configureApp's settings.
 */
export async function startFrontend(
  port: number,
  env: Record<string, string>,
  clock: Clock = systemClock,
  docs = false,
): Promise<RunningApp> {
  const options = frontendOptions(env);
  return startTestApp(AppModule.forRoot(options), {
    service: docs ? 'frontend' : undefined,
    port,
    beforeListen: (app) => app.get(SessionMiddleware).mount(app),
    overrides: [{ provide: Clock, useValue: clock }],
    settings: { TRUST_PROXY: env['TRUST_PROXY'], PUBLIC_URL: env['PUBLIC_URL'] },
  });
}

/** A frontend (in this process) and its own dev-idp, without metadata or search. */
export interface SignInStack {
  idp: DevIdp;
  frontend: RunningApp;
  base: string;
  stop(): Promise<void>;
}

export async function startSignInStack(
  frontendEnv: Record<string, string> = {},
  idpEnv: Record<string, string> = {},
  clock?: Clock,
): Promise<SignInStack> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const idp = await devIdpFor(base, idpEnv);
  const frontend = await startFrontend(
    port,
    {
      OIDC_ISSUER: idp.issuer,
      PUBLIC_URL: base,
      METADATA_URL: 'http://127.0.0.1:9',
      ...frontendEnv,
    },
    clock,
  );
  return {
    idp,
    frontend,
    base,
    async stop() {
      await frontend.close();
      await idp.stop();
    },
  };
}

/** Signs in through dev-idp's page (libs/testing), and reads the page's CSRF token. */
export { signInAtFrontend as signIn, csrfTokenOf } from '@fram/testing';

/** JSON calls as the web UI makes them: the session cookie, and the CSRF token for changes. */
export async function uiCall(browser: BrowserSession, base: string, method: string, path: string, body?: unknown, csrf?: string) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await browser.request(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: <T = Record<string, unknown>>() => JSON.parse(text) as T, text };
}

/** The whole product on loopback: dev-idp, search, metadata (syncing search), and the frontend; the sample catalog loaded. */
export interface CatalogStack {
  idp: DevIdp;
  search: NodeProcess;
  metadata: NodeProcess;
  frontend: RunningApp;
  base: string;
  adminToken(): Promise<string>;
  stop(): Promise<void>;
}

export async function startCatalogStack(env: Record<string, string> = {}): Promise<CatalogStack> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const idp = await devIdpFor(base);
  const common = { AUTH_ISSUERS: idp.issuer, OIDC_ISSUER: idp.issuer, LOG_LEVEL: 'warn', ...ROLE_GROUPS };
  const search = await startNode(join(root, 'dist', 'apps', 'search', 'main.js'), {
    env: { ...common, DATA_DIR: tempDir('fram-st-search-') },
  });
  const metadata = await startNode(join(root, 'dist', 'apps', 'metadata', 'main.js'), {
    env: { ...common, OKTA_ORG_URL: idp.origin, SEARCH_URL: search.url, SEARCH_SYNC_INTERVAL_MS: '100', DATA_DIR: tempDir('fram-st-md-') },
  });
  const adminToken = () => idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'admin:system read:data write:data');
  await ingestSampleCatalog(metadata.url, await adminToken(), { searchUrl: search.url });
  const frontend = await startFrontend(port, {
    ...ROLE_GROUPS,
    OIDC_ISSUER: idp.issuer,
    PUBLIC_URL: base,
    METADATA_URL: metadata.url,
    SEARCH_URL: search.url,
    ...env,
  });
  return {
    idp,
    search,
    metadata,
    frontend,
    base,
    adminToken,
    async stop() {
      await frontend.close();
      await metadata.stop();
      await search.stop();
      await idp.stop();
    },
  };
}

/** Waits until `check` passes (for effects that travel between services, like the search sync). */
export async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
