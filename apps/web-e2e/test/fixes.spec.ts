import type { Page } from 'playwright-core';
import { DESKTOP, openPage, openSignedIn, PHONE, screenshot, signIn, useStack, type Viewport } from './stack';

/** Fixes seen in use (issue 17, part 6), each checked in Chromium as a person would meet it. */
describe('fixes seen in use, in Chromium', () => {
  const { stack, browser } = useStack();

  /** A signed-in page at a viewport, on the home page. */
  async function signedIn(viewport: Viewport, username = 'ada@example.com') {
    const opened = await openSignedIn(browser(), stack(), username, '/', viewport);
    await opened.page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    return opened;
  }

  const tablePage = (path: string) => `${stack().base}/table_detail/${path}`;
  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  it('closes the account menu on choosing an item, on Escape and on a click outside it', async () => {
    const { context, page } = await signedIn(DESKTOP);
    const account = page.getByRole('button', { name: /^Account: / });
    const profileLink = page.getByRole('link', { name: 'My profile' });

    await account.click();
    await profileLink.click();
    await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
    await profileLink.waitFor({ state: 'detached' });
    await expect(account.getAttribute('aria-expanded')).resolves.toBe('false');

    await account.click();
    await profileLink.waitFor();
    await page.keyboard.press('Escape');
    await profileLink.waitFor({ state: 'detached' });

    await account.click();
    await profileLink.waitFor();
    await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).click();
    await profileLink.waitFor({ state: 'detached' });
    await context.close();
  });

  it('shows the same initials in the header and on the profile', async () => {
    const { context, page } = await signedIn(DESKTOP);
    await page.goto(`${stack().base}/user/ada%40example.com`);
    await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
    await expect(page.locator('header .avatar').textContent()).resolves.toBe('AL');
    await expect(page.locator('.profile-head .avatar').textContent()).resolves.toBe('AL');
    await context.close();
  });

  it('labels the add fields with the right article', async () => {
    const { context, page } = await signedIn(DESKTOP);
    await page.goto(tablePage('gold/hive/core/orders'));
    await page.getByRole('heading', { name: 'core.orders', level: 1 }).waitFor();
    await page.getByLabel('Add an owner', { exact: true }).waitFor();
    await page.getByLabel('Add a tag', { exact: true }).waitFor();
    const labels = await page.locator('label').allTextContents();
    expect(labels.filter((label) => /\ba [aeiou]/i.test(label))).toEqual([]);
    await context.close();
  });

  it('marks a view as a view on its page, and no stored table', async () => {
    const { context, page } = await signedIn(DESKTOP);
    await page.goto(tablePage('prod/bigquery/analytics/orders_enriched'));
    await page.getByRole('heading', { name: 'analytics.orders_enriched', level: 1 }).waitFor();
    await expect(page.locator('.detail-title .kind-marker').textContent()).resolves.toBe('View');
    await screenshot(page, 'fixes-table-view');
    await page.goto(tablePage('gold/hive/core/orders'));
    await page.getByRole('heading', { name: 'core.orders', level: 1 }).waitFor();
    await expect(page.locator('.kind-marker').count()).resolves.toBe(0);
    await context.close();
  });

  it('shows ten popular tables on the home page', async () => {
    const { context, page } = await signedIn(DESKTOP);
    const popular = page.locator('section.popular');
    await popular.locator('.resource-list li').first().waitFor();
    await screenshot(page, 'fixes-home-popular');
    await expect(popular.locator('.resource-list').first().locator('li').count()).resolves.toBe(10);
    await context.close();
  });

  it('fits every page into a 375 px wide screen (screenshots at both widths)', async () => {
    const { context, page } = await signedIn(PHONE);
    const wide: string[] = [];
    const check = async (name: string, screenshots = true) => {
      const width = await pageWidth(page);
      if (width > PHONE.width) wide.push(`${name}: ${width} px`);
      if (!screenshots) return;
      await screenshot(page, `fixes-${name}-phone`);
      await page.setViewportSize(DESKTOP);
      await screenshot(page, `fixes-${name}-desktop`);
      await page.setViewportSize(PHONE);
    };
    await page.locator('.resource-list li').first().waitFor();
    await check('home');

    await page.goto(`${stack().base}/search?term=orders`);
    await page.locator('.hit').first().waitFor();
    await check('search');

    for (const [path, name] of [
      ['prod/bigquery/analytics/orders_enriched', 'analytics.orders_enriched'],
      ['prod/bigquery/analytics/customer_360', 'analytics.customer_360'],
      ['gold/hive/core/orders', 'core.orders'],
    ]) {
      await page.goto(tablePage(path));
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      await page.locator('.lineage .resource-list li').first().waitFor();
      await check(`table-${name}`);
    }

    await page.goto(`${stack().base}/search?resource=dashboard`);
    await page.locator('.hit').first().waitFor();
    const dashboards = await page.locator('.hit a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(dashboards.length).toBeGreaterThan(1);
    for (const href of dashboards) {
      const name = decodeURIComponent(href).split('/').pop();
      await page.goto(href);
      await page.locator('.detail-title h1').waitFor();
      await page.locator('main section').first().waitFor();
      await check(`dashboard-${name}`, name === 'company_kpis'); // the widest before the fix
    }

    await page.goto(`${stack().base}/user/ada%40example.com`);
    await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
    await page.getByRole('tabpanel').locator('li, p').first().waitFor();
    await check('profile');

    expect(wide).toEqual([]);
    await context.close();
  });

  /** The frontend's own pages look like the web UI: its header, its stylesheet (its colours), and fit a phone. */
  async function expectAppLook(page: Page, title: string, name: string) {
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await expect(page.locator('header .brand').textContent()).resolves.toBe('Fram');
    const look = await page.evaluate(() => ({
      background: getComputedStyle(document.documentElement).backgroundColor,
      button: getComputedStyle(document.querySelector('main a')!).backgroundColor,
    }));
    expect(look).toEqual({ background: 'rgb(245, 247, 251)', button: 'rgb(47, 91, 211)' }); // styles.css: --wash, --accent
    await screenshot(page, `fixes-${name}-desktop`);
    await page.setViewportSize(PHONE);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, `fixes-${name}-phone`);
  }

  it("shows a refused sign-in in the app's look", async () => {
    const { context, page } = await openSignedIn(browser(), stack(), 'ken@example.com'); // not assigned to Fram at the IdP
    await expectAppLook(page, 'No access to Fram', 'refused');
    await context.close();
  });

  it("shows a sign-in problem (a sign-in link used again) in the app's look", async () => {
    const { context, page } = await openPage(browser(), DESKTOP);
    let callback: string | undefined;
    page.on('request', (request) => {
      if (request.url().startsWith(`${stack().base}/auth?`)) callback = request.url();
    });
    await page.goto(`${stack().base}/`);
    await signIn(stack(), page, 'ada@example.com');
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
    expect(callback).toBeDefined();
    await page.goto(callback!);
    await expectAppLook(page, 'This sign-in is not valid', 'sign-in-problem');
    await context.close();
  });
});
