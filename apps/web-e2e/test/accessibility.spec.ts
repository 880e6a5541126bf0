import type { BrowserContext, Page } from 'playwright-core';
import { DESKTOP, openPage, openSignedIn, PHONE, seriousViolations, signIn, useStack } from './stack';

/**
 * Accessibility (issue 17, part 7): axe-core checks every kind of page at desktop width and at
 * 375 px against WCAG 2.1 A and AA, and fails on each serious or critical violation.
 *
 * axe is run with `page.evaluate(source)` rather than a script tag: the pages' Content-Security-Policy
 * (script-src 'self' in the web UI, default-src 'none' on the frontend's own pages) rightly blocks
 * an injected inline script, and evaluating through the DevTools protocol keeps that policy on.
 */
describe('accessibility of every page (axe-core, WCAG 2.1 A and AA), in Chromium', () => {
  const { stack, browser } = useStack();

  describe.each([
    ['desktop', DESKTOP],
    ['375 px', PHONE],
  ])('at %s', (_, viewport) => {
    let context: BrowserContext;
    let page: Page;
    const tablePage = (path: string) => `${stack().base}/table_detail/${path}`;

    beforeAll(async () => {
      ({ context, page } = await openSignedIn(browser(), stack(), 'ada@example.com', '/', viewport));
    });
    afterAll(() => context?.close());

    it('home', async () => {
      await page.goto(`${stack().base}/`);
      await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
      await page.locator('section.popular .resource-list li').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('search results, tables tab', async () => {
      await page.goto(`${stack().base}/search?term=orders`);
      await page.locator('.hit').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('search results, people tab', async () => {
      await page.goto(`${stack().base}/search?resource=user`);
      await page.getByRole('tab', { name: /^People/, selected: true }).waitFor();
      await page.locator('.hit').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('a table with lineage', async () => {
      await page.goto(tablePage('gold/hive/core/orders'));
      await page.getByRole('heading', { name: 'core.orders', level: 1 }).waitFor();
      await page.locator('.lineage .resource-list li').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('a view', async () => {
      await page.goto(tablePage('prod/bigquery/analytics/orders_enriched'));
      await page.getByRole('heading', { name: 'analytics.orders_enriched', level: 1 }).waitFor();
      await page.locator('.lineage .resource-list li').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('the description editor open', async () => {
      await page.goto(tablePage('gold/hive/core/orders'));
      await page.getByRole('heading', { name: 'core.orders', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Edit description of the table', exact: true }).click();
      await page.locator('form.description.editing textarea').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('a dashboard', async () => {
      await page.goto(`${stack().base}/search?resource=dashboard`);
      await page.locator('.hit a').first().click();
      await page.locator('.detail-title h1').waitFor();
      await page.locator('main section').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('a profile', async () => {
      await page.goto(`${stack().base}/user/ada%40example.com`);
      await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
      await page.getByRole('tabpanel').locator('li, p').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('the account menu open', async () => {
      await page.goto(`${stack().base}/`);
      await page.getByRole('button', { name: /^Account: / }).click();
      await page.getByRole('link', { name: 'My profile' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('the signed-out page', async () => {
      await page.goto(`${stack().base}/`);
      await page.getByRole('button', { name: /^Account: / }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Signed out', level: 1, exact: true }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('the refused page', async () => {
      const refused = await openSignedIn(browser(), stack(), 'ken@example.com', '/', viewport); // not assigned to Fram at the IdP
      await refused.page.getByRole('heading', { name: 'No access to Fram', level: 1 }).waitFor();
      expect(await seriousViolations(refused.page)).toEqual([]);
      await refused.context.close();
    });

    it('the sign-in-problem page', async () => {
      const problem = await openPage(browser(), viewport);
      let callback: string | undefined;
      problem.page.on('request', (request) => {
        if (request.url().startsWith(`${stack().base}/auth?`)) callback = request.url();
      });
      await problem.page.goto(`${stack().base}/`);
      await signIn(stack(), problem.page, 'ada@example.com');
      await problem.page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
      expect(callback).toBeDefined();
      await problem.page.goto(callback!); // a sign-in link used again
      await problem.page.getByRole('heading', { name: 'This sign-in is not valid', level: 1 }).waitFor();
      expect(await seriousViolations(problem.page)).toEqual([]);
      await problem.context.close();
    });
  });
});
