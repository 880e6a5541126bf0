import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  bundleScript,
  ingestSampleCatalog,
  jwtClaims,
  jwtHeader,
  runNode,
  startNode,
  workspaceRoot,
  type LemonLdapUser,
} from '@fram/testing';
import { ACCESS_TOKEN_LIFETIME_S, LEMONLDAP_AUDIENCE, startLemonLdapStack, type LemonLdapStack } from './lemonldap-stack';
import { dist, launchChromium } from './production-stack';

const SCREENSHOTS = join(workspaceRoot(), 'test-artifacts', 'screenshots');
const ORDERS = 'hive://gold.core/orders';

/**
 * A second real OpenID provider: LemonLDAP::NG 2.16 from Debian (an OpenID
 * Certified provider nobody here wrote), with Fram's apps in production mode
 * configured for it by environment variables only (lemonldap-stack.ts).
 * Roles come from its groups (dwho: fram-admins, rtyler: fram-editors,
 * msmith: none); services use its client_credentials grant.
 */
describe('LemonLDAP::NG as the OpenID provider', () => {
  let stack: LemonLdapStack;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    stack = await startLemonLdapStack();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `lemonldap-${name}.png`), fullPage: true });
  const bearer = (token: string, init: RequestInit = {}) => ({
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
  const putDescription = (token: string, description: string) =>
    fetch(`${stack.metadata.url}/table/${ORDERS}/description`, bearer(token, { method: 'PUT', body: JSON.stringify({ description }) }));
  const search = (token: string, term: string) =>
    fetch(
      `${stack.search.url}/v2/search`,
      bearer(token, { method: 'POST', body: JSON.stringify({ query_term: term, resource_types: ['table'] }) }),
    );

  /** Through the portal's own sign-in form, as a person does. */
  async function signInAtPortal(page: Page, user: LemonLdapUser): Promise<void> {
    await page.goto(`${stack.base}/`);
    expect(new URL(page.url()).origin).toBe(stack.llng.issuer); // sent to LemonLDAP::NG to sign in
    await page.locator('#userfield').fill(user.login);
    await page.locator('#passwordfield').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.origin === stack.base);
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
  }

  it("issues tokens Fram reads: a person's groups and email, a service's scopes, both for Fram's audience", async () => {
    const person = await stack.llng.signIn(stack.llng.users.admin);
    const service = await stack.llng.clientToken('read:data write:data');

    expect(jwtHeader(person.accessToken)).toEqual({ typ: 'JWT', alg: 'RS256', kid: expect.any(String) });
    expect(jwtClaims(person.accessToken)).toEqual({
      iss: stack.llng.issuer,
      sub: 'dwho',
      aud: ['fram-frontend', LEMONLDAP_AUDIENCE],
      client_id: 'fram-frontend',
      scope: 'openid email profile',
      email: 'dwho@badwolf.org',
      name: 'Doctor Who',
      preferred_username: 'dwho',
      groups: expect.arrayContaining(['fram-admins']),
      iat: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.any(String),
    });
    expect(jwtClaims(person.idToken)).toMatchObject({ sub: 'dwho', azp: 'fram-frontend', email: 'dwho@badwolf.org' });
    expect(person.refreshToken).toEqual(expect.any(String));
    expect(person.expiresIn).toBe(ACCESS_TOKEN_LIFETIME_S);
    // A service token: sub is the client id, no person's claims.
    expect(jwtClaims(service)).toEqual({
      iss: stack.llng.issuer,
      sub: 'fram-service',
      aud: ['fram-service', LEMONLDAP_AUDIENCE],
      client_id: 'fram-service',
      scope: 'read:data write:data',
      iat: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.any(String),
    });
    // Only the scopes declared for the service client are granted.
    expect(jwtClaims(await stack.llng.clientToken('read:data root'))['scope']).toBe('read:data');
  });

  it('client_credentials tokens from LemonLDAP::NG work at metadata and search, with the roles of their scopes', async () => {
    const reader = await stack.llng.clientToken('read:data');
    const writer = await stack.llng.clientToken('read:data write:data');

    const table = await fetch(`${stack.metadata.url}/table/${ORDERS}`, bearer(reader));
    expect(table.status).toBe(200);
    await expect(table.json()).resolves.toMatchObject({ name: 'orders', schema: 'core' });
    const found = await search(reader, 'orders');
    expect(found.status).toBe(200);
    expect(JSON.stringify(await found.json())).toContain(ORDERS);

    expect((await putDescription(reader, 'read:data may not edit')).status).toBe(403);
    expect((await putDescription(writer, 'Orders, described by a LemonLDAP::NG service')).status).toBe(200);
    // metadata's own service identity (LemonLDAP::NG's client_credentials) hands the edit to search.
    await until(async () => JSON.stringify(await (await search(reader, 'orders')).json()).includes('described by a LemonLDAP::NG service'));
  });

  it("a person's bearer token gets its roles from LemonLDAP::NG groups", async () => {
    const editor = await stack.llng.signIn(stack.llng.users.editor);
    const reader = await stack.llng.signIn(stack.llng.users.reader);

    expect((await fetch(`${stack.metadata.url}/table/${ORDERS}`, bearer(reader.accessToken))).status).toBe(200);
    expect((await putDescription(reader.accessToken, 'msmith is in no Fram group')).status).toBe(403);
    expect((await putDescription(editor.accessToken, 'Orders, described by rtyler (fram-editors)')).status).toBe(200);
  });

  it('signs in through the portal, searches, edits (write from fram-admins), refreshes, and signs out through the end-session endpoint', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const fromPortal: string[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).origin === stack.llng.issuer && response.status() >= 300 && response.status() < 400) {
        fromPortal.push(new URL(response.headers()['location'] ?? '', response.url()).href);
      }
    });

    await signInAtPortal(page, stack.llng.users.admin);
    const me = await page.evaluate(async () => (await fetch('/api/auth_user', { headers: { accept: 'application/json' } })).json());
    expect(me).toMatchObject({ user: { user_id: 'dwho@badwolf.org', email: 'dwho@badwolf.org' } });
    await shot(page, '01-signed-in');

    // Search with a typo.
    await page.getByRole('searchbox', { name: 'Search tables, people and dashboards' }).fill('ordrs');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?term=ordrs/);
    const first = page.locator('.hit').first();
    await expect(first.locator('.resource-name').textContent()).resolves.toBe('core.orders');

    // Edit the description: write comes from the fram-admins group.
    await first.getByRole('link').click();
    await page.getByRole('heading', { name: 'core.orders', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit description of the table', exact: true }).click();
    const description = `Orders, described by dwho through LemonLDAP::NG at ${new Date().toISOString()}`;
    await page.getByLabel('Description of the table').fill(description);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('description').filter({ hasText: description }).waitFor();
    await shot(page, '02-edited');

    // Refresh: once the access token the session holds now has expired (and the APIs allow no clock skew), the session still reads.
    const refreshesBefore = stack.llng.tokenRequests().filter((r) => r.grantType === 'refresh_token').length;
    await new Promise((resolve) => setTimeout(resolve, (ACCESS_TOKEN_LIFETIME_S + 1) * 1000));
    await page.reload();
    await page.getByTestId('description').filter({ hasText: description }).waitFor();
    const status = await page.evaluate(
      async (path) => (await fetch(path, { headers: { accept: 'application/json' } })).status,
      `/api/metadata/v0/table?key=${encodeURIComponent(ORDERS)}`,
    );
    expect(status).toBe(200);
    const refreshes = stack.llng.tokenRequests().filter((r) => r.grantType === 'refresh_token');
    expect(refreshes.length).toBeGreaterThan(refreshesBefore);
    expect(refreshes.every((r) => r.status === 200)).toBe(true);

    // Sign out: through LemonLDAP::NG's end-session endpoint, which sends the browser back to Fram.
    await page.getByRole('button', { name: /^Account: / }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin === stack.base && url.searchParams.has('state'));
    expect(fromPortal.some((location) => location.startsWith(`${stack.base}/?`))).toBe(true);
    await page.getByRole('heading', { name: 'Signed out' }).waitFor();
    await shot(page, '03-signed-out');
    // Signed out at LemonLDAP::NG too: Fram asks for a sign-in, and the portal shows its form again.
    await page.goto(`${stack.base}/table_detail/gold/hive/core/orders`);
    expect(new URL(page.url()).origin).toBe(stack.llng.issuer);
    await page.locator('#passwordfield').waitFor();
    await context.close();
  });

  // LemonLDAP::NG 2.16 does not form-decode client_secret_basic credentials (RFC 6749 §2.3.1), so a client id with '-'
  // (fram-service, sent as fram%2Dservice) is "not registered" with Basic: OIDC_TOKEN_AUTH_METHOD=client_secret_post
  // makes every token request Fram makes (metadata's own identity among them) send the credentials in the form.
  it("metadata's own identity uses client_secret_post when told (OIDC_TOKEN_AUTH_METHOD), whatever its client id", async () => {
    const metadata = await startNode(dist('metadata'), {
      env: {
        ...stack.authEnv,
        USER_DIRECTORY: 'none',
        SERVICE_CLIENT_ID: stack.llng.clients.service.clientId,
        SERVICE_CLIENT_SECRET: stack.llng.clients.service.clientSecret,
        OIDC_TOKEN_AUTH_METHOD: 'client_secret_post',
        SEARCH_URL: stack.search.url,
        SEARCH_SYNC_INTERVAL_MS: '100',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-llng-metadata-post-')),
      },
    });
    try {
      await ingestSampleCatalog(metadata.url, await stack.llng.clientToken('admin:system read:data'));
      const description = `Orders, handed to search by a metadata that authenticates with client_secret_post ${Date.now()}`;
      const edit = await fetch(
        `${metadata.url}/table/${ORDERS}/description`,
        bearer(await stack.llng.clientToken('read:data write:data'), { method: 'PUT', body: JSON.stringify({ description }) }),
      );
      expect(edit.status).toBe(200);
      const reader = await stack.llng.clientToken('read:data');
      const searched = async () => JSON.stringify(await (await search(reader, 'orders')).json()).includes(description);
      await until(async () => metadata.output().includes('refused it') || (await searched()));
      expect(metadata.output()).not.toContain('refused it');
      await expect(searched()).resolves.toBe(true);
    } finally {
      await metadata.stop();
    }
  });

  it("npm run ingest gets its token from LemonLDAP::NG with client_secret_post (OIDC_TOKEN_AUTH_METHOD), with a '-' in its client id", async () => {
    const name = `ingested_by_script_${Date.now()}`;
    const catalog = join(mkdtempSync(join(tmpdir(), 'fram-llng-catalog-')), 'catalog.json');
    writeFileSync(catalog, JSON.stringify({ tables: [{ database: 'hive', cluster: 'gold', schema: 'core', name }] }));
    const before = stack.llng.tokenRequests().length;
    const run = await runNode(
      bundleScript('apps/metadata/src/cli/ingest.main.ts'),
      {
        METADATA_URL: stack.metadata.url,
        OIDC_ISSUER: stack.llng.issuer,
        OIDC_TOKEN_AUTH_METHOD: 'client_secret_post',
        INGEST_CLIENT_ID: stack.llng.clients.service.clientId,
        INGEST_CLIENT_SECRET: stack.llng.clients.service.clientSecret,
        INGEST_SCOPES: 'admin:system read:data write:data',
      },
      60_000,
      [catalog],
    );
    expect(stack.llng.clients.service.clientId).toBe('fram-service');
    expect([run.code, run.output]).toEqual([0, expect.stringContaining('Ingested 1 table')]);
    expect(
      stack.llng
        .tokenRequests()
        .slice(before)
        .filter((request) => request.status !== 200),
    ).toEqual([]);
    const table = await fetch(`${stack.metadata.url}/table/hive://gold.core/${name}`, bearer(await stack.llng.clientToken('read:data')));
    expect(table.status).toBe(200);
    await expect(table.json()).resolves.toMatchObject({ name, schema: 'core' });
  });

  it('a person in no Fram group reads but gets no edit control', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await signInAtPortal(page, stack.llng.users.reader);
    await page.goto(`${stack.base}/table_detail/gold/hive/core/orders`);
    await page.getByRole('heading', { name: 'core.orders', level: 1 }).waitFor();
    await page.getByTestId('description').waitFor();
    expect(await page.getByRole('button', { name: 'Edit description of the table', exact: true }).count()).toBe(0);
    await context.close();
    // Without a user directory, people metadata does not know yet are answered from their sign-in, without a warning per page.
    expect(stack.frontend.output()).not.toContain('could not give');
  });
});

/** Until `check` holds (checked every 50 ms, for at most 10 s). */
async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the condition did not hold within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
