import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { workspaceRoot } from '@fram/testing';
import { launchChromium, startProductionStack, type ProductionStack } from './production-stack';

const SCREENSHOTS = join(workspaceRoot(), 'test-artifacts', 'screenshots');

/**
 * The whole journey in Chromium over https, through nginx to two frontend
 * replicas in production mode (sessions in Redis): sign in, search, edit,
 * bookmark, sign out. Requests alternate between the replicas, so every step
 * also proves that the replicas share the session.
 */
describe('production shape: nginx (TLS), two frontends, Redis, Chromium over https', () => {
  let stack: ProductionStack;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    stack = await startProductionStack();
    browser = await launchChromium(stack.certificate);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `production-${name}.png`), fullPage: true });

  it('signs in, searches, edits, bookmarks and signs out over https, served by both replicas', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const replicas = new Set<string>();
    const insecure: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.port !== String(stack.nginx.port)) return;
      const upstream = response.headers()['x-fram-upstream'];
      if (upstream) replicas.add(upstream);
      if (url.protocol !== 'https:') insecure.push(response.url());
    });

    await page.goto(`${stack.base}/`);
    expect(new URL(page.url()).origin).toBe(stack.idp.origin); // sent to sign in
    await page.getByLabel('Username').fill('ada@example.com');
    await page.getByLabel('Password').fill('fram-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === stack.base);
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();

    // The session cookie: Secure, HttpOnly, and only the cookie.
    const cookies = await context.cookies(stack.base);
    expect(cookies.find((c) => c.name === 'fram.sid')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    // An API call from the page (Chromium's own https, trusting the test's certificate).
    const me = await page.evaluate(async (url) => {
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      return { status: response.status, hsts: response.headers.get('strict-transport-security'), body: (await response.json()) as unknown };
    }, `${stack.base}/api/auth_user`);
    expect(me).toMatchObject({ status: 200, hsts: expect.stringMatching(/max-age=\d+/), body: { user: { user_id: 'ada@example.com' } } });

    // Search with a typo.
    await page.getByRole('searchbox', { name: 'Search tables, people and dashboards' }).fill('ordrs');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?term=ordrs/);
    const first = page.locator('.hit').first();
    await expect(first.locator('.resource-name').textContent()).resolves.toBe('core.orders');
    await shot(page, '01-search');

    // Edit the description, bookmark the table.
    await first.getByRole('link').click();
    await page.getByRole('heading', { name: 'core.orders', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit description of the table', exact: true }).click();
    const description = `Orders, described over https at ${new Date().toISOString()}`;
    await page.getByLabel('Description of the table').fill(description);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('description').filter({ hasText: description }).waitFor();
    await page.getByRole('button', { name: /Bookmark/ }).click();
    await page.getByRole('button', { name: 'Bookmarked' }).waitFor();
    await page.reload(); // kept, not just shown; and likely served by the other replica
    await page.getByTestId('description').filter({ hasText: description }).waitFor();
    await page.getByRole('button', { name: 'Bookmarked' }).waitFor();
    await shot(page, '02-table');

    // Sign out: through the IdP, back to Fram's signed-out page; a page of the catalog asks for a sign-in again.
    await page.getByRole('button', { name: /^Account: / }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Signed out', level: 1, exact: true }).waitFor();
    expect(new URL(page.url()).origin).toBe(stack.base);
    await page.getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await shot(page, '03-signed-out');
    await page.goto(`${stack.base}/table_detail/gold/hive/core/orders`);
    expect(new URL(page.url()).origin).toBe(stack.idp.origin);
    await page.getByLabel('Password').waitFor();

    expect(insecure).toEqual([]);
    expect(replicas).toEqual(new Set(stack.frontends.map((f) => `127.0.0.1:${f.port}`))); // both replicas served the journey
    await context.close();
  });
});
