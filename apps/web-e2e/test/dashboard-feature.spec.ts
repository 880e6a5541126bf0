import type { Page } from 'playwright-core';
import { DESKTOP, expectNoHorizontalOverflow, openSignedIn, PHONE, screenshot, seriousViolations, useStack, type Viewport } from './stack';

const KPIS = 'mode_dashboard://prod.executive/company_kpis';
const FEATURE = 'customer_activity/orders_90d/1';

/** The dashboard and ML feature pages (issue 17, parts 2 and 4), in Chromium, with the sample catalog. */
describe('dashboard and ML feature pages, in Chromium', () => {
  const { stack, browser } = useStack();
  const dashboardPage = () => `/dashboard/${encodeURIComponent(KPIS)}`;
  const featurePage = () => `/feature/${FEATURE}`;
  const section = (page: Page, title: string) => page.locator(`section[aria-labelledby="${title}-title"]`);
  const fact = (page: Page, label: string) =>
    page
      .locator('.fact')
      .filter({ has: page.locator('dt', { hasText: label }) })
      .locator('dd');

  const signedIn = (path: string, viewport: Viewport, username = 'ada@example.com') =>
    openSignedIn(browser(), stack(), username, path, viewport);

  describe('the dashboard page', () => {
    it('shows owners, users, runs, views, queries, charts, tables, tags and badges', async () => {
      const { context, page } = await signedIn(dashboardPage(), DESKTOP);
      await page.getByRole('heading', { name: 'company_kpis', level: 1 }).waitFor();
      for (const name of [
        /^Description$/,
        /^Queries \(\d+\)$/,
        /^Charts \(\d+\)$/,
        /^Tables used \(\d+\)$/,
        'Runs and use',
        'Owners',
        'Frequent users',
        'Tags',
        'Badges',
      ])
        await page.getByRole('heading', { name, level: 2 }).waitFor();
      await expect(section(page, 'description').textContent()).resolves.toContain('Revenue, active customers');
      // Queries: name (a link to the BI tool), the text folded in <details>.
      const query = page.getByRole('link', { name: /^Net revenue by week/ });
      await expect(query.getAttribute('href')).resolves.toBe('https://mode.example.com/executive/company_kpis/queries/net_revenue');
      const code = page.locator('.dashboard-query').filter({ hasText: 'Net revenue by week' }).locator('pre code');
      await expect(code.isVisible()).resolves.toBe(false);
      await page.getByText('Query text', { exact: false }).first().click();
      await code.waitFor({ state: 'visible' });
      await expect(code.textContent()).resolves.toContain('SELECT DATE_TRUNC(revenue_date, WEEK)');
      await expect(section(page, 'charts').textContent()).resolves.toContain('Net revenue');
      await section(page, 'tables').getByRole('link', { name: 'analytics.daily_revenue' }).waitFor();
      await expect(fact(page, 'Last successful run').locator('time').count()).resolves.toBe(1);
      await expect(fact(page, 'Created').locator('time').count()).resolves.toBe(1);
      await expect(fact(page, 'Last run').first().textContent()).resolves.toMatch(/\S/);
      await expect(page.getByTestId('view-count').textContent()).resolves.toMatch(/^\d+$/);
      await section(page, 'owners').getByRole('link', { name: 'Barbara Liskov' }).waitFor();
      await section(page, 'users').locator('li').first().waitFor();
      await section(page, 'tags').getByRole('link', { name: 'kpi' }).waitFor();
      await section(page, 'badges').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'dashboard-desktop');
      await context.close();
    });

    it('lets an editor add a dashboard owner with the picker and remove them', async () => {
      const { context, page } = await signedIn(dashboardPage(), DESKTOP);
      const owners = section(page, 'owners');
      const field = page.getByRole('combobox', { name: 'Add an owner' });
      await field.fill('grace');
      await page
        .getByRole('listbox', { name: 'Matching people' })
        .getByRole('option', { name: /Grace Hopper/ })
        .click();
      await owners.getByRole('link', { name: 'Grace Hopper' }).waitFor();
      await page.reload();
      await owners.getByRole('link', { name: 'Grace Hopper' }).waitFor();
      await owners.getByRole('button', { name: 'Remove owner Grace Hopper' }).click();
      await owners.getByRole('link', { name: 'Grace Hopper' }).waitFor({ state: 'detached' });
      await owners.getByRole('link', { name: 'Barbara Liskov' }).waitFor();
      await context.close();
    });

    it('shows a reader no owner or tag controls', async () => {
      const { context, page } = await signedIn(dashboardPage(), DESKTOP, 'frances@example.com');
      await section(page, 'owners').getByRole('link', { name: 'Barbara Liskov' }).waitFor();
      await expect(page.getByRole('combobox').count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: /^Remove / }).count()).resolves.toBe(0);
      await context.close();
    });

    it('fits a phone, a query open', async () => {
      const { context, page } = await signedIn(dashboardPage(), PHONE);
      await page.getByRole('heading', { name: 'company_kpis', level: 1 }).waitFor();
      await page.locator('.dashboard-query summary').first().click();
      await page.locator('.dashboard-query pre').first().waitFor({ state: 'visible' });
      await expectNoHorizontalOverflow(page);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'dashboard-375');
      await context.close();
    });
  });

  describe('the ML feature page', () => {
    it('shows what the feature is, its owners, tags, code and lineage', async () => {
      const { context, page } = await signedIn(featurePage(), DESKTOP);
      await page.getByRole('heading', { name: 'orders_90d', level: 1 }).waitFor();
      const facts: [string, string | RegExp][] = [
        ['Group', 'customer_activity'],
        ['Version', '1'],
        ['Status', 'active'],
        ['Entity', 'customer'],
        ['Data type', 'int64'],
        ['Available in', 'bigquery'],
        ['Last updated', /\d/],
        ['High watermark', /\d/],
        ['Low watermark', /\d/],
      ];
      for (const [label, value] of facts) await expect(fact(page, label).first().textContent()).resolves.toMatch(value);
      await expect(page.getByTestId('description').textContent()).resolves.toContain('Orders the customer placed in the last 90 days');
      await page.getByRole('heading', { name: 'feast', level: 3 }).waitFor();
      await expect(section(page, 'programmatic').textContent()).resolves.toContain('Materialized daily at 04:00 UTC');
      await section(page, 'owners').getByRole('link', { name: 'Margaret Hamilton' }).waitFor();
      await section(page, 'owners').getByRole('link', { name: 'Claude Shannon' }).waitFor();
      await section(page, 'tags').getByRole('link', { name: 'ml' }).waitFor();
      await section(page, 'badges').waitFor();
      await expect(page.getByTestId('generation-code').textContent()).resolves.toContain('SELECT customer_id, COUNT(*) AS orders_90d');
      const downstream = section(page, 'lineage').getByRole('link', { name: 'customer_risk/churn_probability' });
      await expect(downstream.getAttribute('href')).resolves.toBe('/feature/customer_risk/churn_probability/3');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'feature-desktop');
      await downstream.click();
      await page.getByRole('heading', { name: 'churn_probability', level: 1 }).waitFor();
      await context.close();
    });

    it('lets an editor edit its description; a reader sees no edit controls', async () => {
      const { context, page } = await signedIn(featurePage(), DESKTOP);
      await page.getByRole('button', { name: 'Edit description of the feature' }).click();
      const text = `Orders in the last 90 days, **edited** at ${Date.now()}`;
      await page.getByLabel('Description of the feature', { exact: true }).fill(text);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByTestId('description').getByText('edited').waitFor();
      await page.reload();
      await expect(page.getByTestId('description').textContent()).resolves.toContain(text.replace('**edited**', 'edited'));
      await context.close();

      const reader = await signedIn(featurePage(), DESKTOP, 'frances@example.com');
      await reader.page.getByRole('heading', { name: 'orders_90d', level: 1 }).waitFor();
      await reader.page.getByTestId('description').waitFor();
      await expect(reader.page.getByRole('button', { name: /^Edit / }).count()).resolves.toBe(0);
      await expect(reader.page.getByRole('combobox').count()).resolves.toBe(0);
      await reader.context.close();
    });

    it('fits a phone', async () => {
      const { context, page } = await signedIn(featurePage(), PHONE);
      await page.getByRole('heading', { name: 'orders_90d', level: 1 }).waitFor();
      await page.getByTestId('generation-code').waitFor();
      await section(page, 'lineage').locator('li').first().waitFor();
      await expectNoHorizontalOverflow(page);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'feature-375');
      await context.close();
    });
  });
});
