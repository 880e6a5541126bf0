import type { Page } from 'playwright-core';
import { DESKTOP, expectNoHorizontalOverflow, openSignedIn, PHONE, screenshot, seriousViolations, useStack, type Viewport } from './stack';

const ORDERS_PAGE = '/table_detail/gold/hive/core/orders';
const ENRICHED_PAGE = '/table_detail/prod/bigquery/analytics/orders_enriched';

/**
 * The table page in depth, in Chromium over the real stack with the sample catalog: badges (edited
 * by editors only), the data range from watermarks, programmatic descriptions, source and
 * applications, column badges, stats, nested types and column lineage in each column's details,
 * and the lineage graph (nodes, edges, zoom, links); at desktop and phone widths, accessible.
 */
describe('The table page in depth, in Chromium', () => {
  const env = useStack();

  async function open(user: string, path: string, viewport: Viewport = DESKTOP) {
    const { context, page } = await openSignedIn(env.browser(), env.stack(), user, path, viewport);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return { context, page };
  }

  /** Opens every column's details and waits for their column lineage. */
  async function expandAllColumns(page: Page) {
    const summaries = page.locator('details.column-details > summary');
    const count = await summaries.count();
    for (let i = 0; i < count; i++) await summaries.nth(i).click();
    await page.waitForFunction(() => !document.body.textContent?.includes('Loading…'));
  }

  it('shows a reader everything about core.orders, with no badge edit controls', async () => {
    const { context, page } = await open('frances@example.com', ORDERS_PAGE);
    await page.getByRole('heading', { name: 'core.orders', level: 1 }).waitFor();
    // Badges, read only.
    await expect(page.getByRole('list', { name: 'Badges', exact: true }).getByRole('listitem').allTextContents()).resolves.toEqual([
      'certified',
    ]);
    await expect(page.getByRole('button', { name: /^Remove badge/ }).count()).resolves.toBe(0);
    await expect(page.getByLabel('Add a badge').count()).resolves.toBe(0);
    // Data range from the low and high watermarks.
    await page.getByRole('heading', { name: 'Data range', level: 2 }).waitFor();
    const range = page.getByTestId('watermark-range');
    await expect(range.textContent()).resolves.toMatch(/2021-03-01.*2025-11-21/);
    await expect(page.getByText('Partitions (by ds)').count()).resolves.toBe(1);
    await expect(page.getByText('Last updated').count()).resolves.toBe(1);
    // Programmatic descriptions by source, as Markdown.
    const programmatic = page.locator('section[aria-labelledby="programmatic-title"]');
    await expect(programmatic.getByRole('heading', { level: 3 }).allTextContents()).resolves.toEqual(['quality checks', 'storage']);
    await expect(programmatic.locator('strong').first().textContent()).resolves.toBe('Checks, daily at 03:30 UTC');
    // Writer application and reports, as links.
    const provenance = page.locator('section[aria-labelledby="provenance-title"]');
    await expect(provenance.getByRole('link', { name: /Airflow/ }).getAttribute('href')).resolves.toBe(
      'https://airflow.example.com/dags/orders_etl/grid?task_id=load_orders',
    );
    await expect(provenance.getByRole('link', { name: /Data quality/ }).getAttribute('href')).resolves.toBe(
      'https://quality.example.com/reports/hive/gold/core/orders',
    );
    // A column's badge; its details: stats with their period, and column lineage.
    await expect(page.getByRole('list', { name: 'Badges of column customer_id' }).textContent()).resolves.toBe('pii');
    await page.getByText('Details of order_id').click();
    const stats = page.getByRole('region', { name: 'Stats of order_id' });
    await expect(stats.textContent()).resolves.toContain('Period: 2025-11-16 to 2025-11-22');
    await expect(stats.locator('dt').allTextContents()).resolves.toEqual(['distinct values', 'num nulls']);
    await expect(stats.locator('dd').first().textContent()).resolves.toBe('1904233');
    const columnLineage = page.getByRole('region', { name: 'Lineage of order_id' });
    await columnLineage.getByRole('link', { name: 'analytics.orders_enriched.order_id' }).waitFor();
    await expect(columnLineage.getByRole('link', { name: 'warehouse.fct_orders.orders_key' }).count()).resolves.toBe(1);
    // The graph: the table and every downstream table of the list beside it (orders has no upstream), one edge into each.
    const graph = page.getByRole('figure', { name: /Lineage graph/ });
    const listed = await page.getByRole('heading', { name: /^Downstream \(\d+\)$/ }).textContent();
    const downstream = Number(/\d+/.exec(listed ?? '')?.[0]);
    expect(downstream).toBeGreaterThanOrEqual(6);
    await expect(graph.locator('.lineage-node').count()).resolves.toBe(1 + downstream);
    await expect(graph.locator('a.lineage-node.downstream').count()).resolves.toBe(downstream);
    await expect(graph.locator('.lineage-node.current').getAttribute('aria-label')).resolves.toBe('core.orders, this table');
    await expect(graph.locator('.lineage-edge').count()).resolves.toBe(downstream);
    await expect(graph.getByRole('link', { name: 'core.payments, downstream · level 1' }).count()).resolves.toBe(1);

    await expandAllColumns(page);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await context.close();
  });

  it('shows the source link, nested column types and applications of other sample tables', async () => {
    const { context, page } = await open('frances@example.com', '/table_detail/prod/bigquery/analytics/daily_revenue');
    const source = page.locator('section[aria-labelledby="provenance-title"]').getByRole('link', { name: /daily_revenue\.sql/ });
    await expect(source.getAttribute('href')).resolves.toBe(
      'https://github.com/example/analytics-dbt/blob/main/models/finance/daily_revenue.sql',
    );
    await expect(page.getByText('Source (github)').count()).resolves.toBe(1);
    // The writing application, then the consuming one.
    const provenance = page.locator('section[aria-labelledby="provenance-title"]');
    await expect(
      provenance.locator('dd').filter({ hasText: 'finance_dbt/daily_revenue' }).getByRole('link').getAttribute('href'),
    ).resolves.toBe('https://airflow.example.com/dags/finance_dbt/grid?task_id=daily_revenue');
    await expect(provenance.getByRole('heading', { name: 'Applications', level: 3 }).count()).resolves.toBe(1);
    await expect(provenance.getByRole('listitem').filter({ hasText: 'consuming · kpi_export/revenue_to_sheets' }).count()).resolves.toBe(1);

    await page.goto(`${env.stack().base}/table_detail/prod/bigquery/analytics/sessions`);
    await page.getByRole('heading', { name: 'analytics.sessions', level: 1 }).waitFor();
    await page.getByText('Details of device').click();
    const nested = page.getByRole('region', { name: 'Nested type of device' });
    await expect(nested.locator('.type-name').allTextContents()).resolves.toEqual(['device', 'category', 'operating_system', 'browser']);
    await expect(nested.textContent()).resolves.toContain('desktop, mobile or tablet');
    await expect(nested.locator('.type-kind').first().textContent()).resolves.toBe('(struct)');
    await context.close();
  });

  it('lets an editor add and remove a badge, kept across reloads', async () => {
    const { context, page } = await open('ada@example.com', ORDERS_PAGE);
    const badges = page.getByRole('list', { name: 'Badges', exact: true }).getByRole('listitem');
    await page.getByLabel('Add a badge').selectOption('pii');
    await page.locator('form.badge-add').getByRole('button', { name: 'Add' }).click();
    await page.getByRole('button', { name: 'Remove badge pii' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Remove badge pii' }).waitFor();
    await expect(badges.allTextContents().then((t) => t.sort())).resolves.toEqual(['certified×', 'pii×']);
    // The choice offers only the catalog's badges the table does not have.
    const offered = await page.getByLabel('Add a badge').locator('option').allTextContents();
    expect(offered).toContain('alpha (table status)');
    expect(offered.filter((o) => /^(certified|pii) /.test(o))).toEqual([]);

    await page.getByRole('button', { name: 'Remove badge pii' }).click();
    await page.getByRole('button', { name: 'Remove badge pii' }).waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('button', { name: 'Remove badge certified' }).waitFor();
    await expect(page.getByRole('button', { name: 'Remove badge pii' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('draws the lineage graph with upstream and downstream nodes, zooms, and navigates from a node', async () => {
    const { context, page } = await open('frances@example.com', ENRICHED_PAGE);
    const graph = page.getByRole('figure', { name: /Lineage graph/ });
    await graph.waitFor();
    const upstream = graph.locator('a.lineage-node.upstream');
    const downstream = graph.locator('a.lineage-node.downstream');
    await expect(upstream.count()).resolves.toBeGreaterThanOrEqual(4);
    await expect(downstream.count()).resolves.toBeGreaterThanOrEqual(4);
    await expect(graph.getByRole('link', { name: 'core.orders, upstream · level 1' }).count()).resolves.toBe(1);
    await expect(graph.getByRole('link', { name: 'analytics.daily_revenue, downstream · level 1' }).count()).resolves.toBe(1);
    // Two levels downstream: daily_revenue feeds marketing_roi.
    await expect(graph.getByRole('link', { name: 'analytics.marketing_roi, downstream · level 2' }).count()).resolves.toBe(1);

    const svg = graph.locator('svg');
    const width = async () => Number(await svg.getAttribute('width'));
    const initial = await width();
    await graph.getByRole('button', { name: 'Zoom in' }).click();
    await expect(svg.getAttribute('data-scale')).resolves.toBe('1.25');
    expect(await width()).toBeGreaterThan(initial);
    await graph.getByRole('button', { name: 'Zoom out' }).click();
    await graph.getByRole('button', { name: 'Zoom out' }).click();
    await expect(svg.getAttribute('data-scale')).resolves.toBe('0.75');
    expect(await width()).toBeLessThan(initial);
    await graph.getByRole('button', { name: 'Reset zoom' }).click();
    await expect(svg.getAttribute('data-scale')).resolves.toBe('1');
    expect(await width()).toBe(initial);
    // At 200% Zoom in can do no more: it says so (aria-disabled) and keeps the focus; a press changes nothing.
    const zoomIn = graph.getByRole('button', { name: 'Zoom in' });
    await zoomIn.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    await expect(svg.getAttribute('data-scale')).resolves.toBe('2');
    await expect(zoomIn.getAttribute('aria-disabled')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await expect(svg.getAttribute('data-scale')).resolves.toBe('2');
    await expect(zoomIn.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    // Fit: the graph as wide as its canvas at most (not below 25%).
    await graph.getByRole('button', { name: /^Fit/ }).click();
    const fitted = Number(await svg.getAttribute('data-scale'));
    expect(fitted).toBeGreaterThanOrEqual(0.25);
    expect(fitted).toBeLessThanOrEqual(2);
    const canvasWidth = await graph.locator('.lineage-canvas').evaluate((c) => c.clientWidth);
    if (fitted > 0.25) expect(await width()).toBeLessThanOrEqual(canvasWidth);
    await graph.getByRole('button', { name: 'Reset zoom' }).click();
    await expect(svg.getAttribute('data-scale')).resolves.toBe('1');
    await screenshot(page, 'table-depth-graph');

    // From the keyboard: a node is a link.
    await graph.getByRole('link', { name: 'core.orders, upstream · level 1' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${env.stack().base}${ORDERS_PAGE}`);
    await page.getByRole('heading', { name: 'core.orders', level: 1 }).waitFor();
    // And by pointer, back to the table.
    await page
      .getByRole('figure', { name: /Lineage graph/ })
      .getByRole('link', { name: 'analytics.orders_enriched, downstream · level 1' })
      .click();
    await page.waitForURL(`${env.stack().base}${ENRICHED_PAGE}`);
    await page.getByRole('heading', { name: 'analytics.orders_enriched', level: 1 }).waitFor();
    await context.close();
  });

  it('fits 375 px and passes axe with details open, at both widths', async () => {
    for (const [viewport, name] of [
      [DESKTOP, 'table-depth-desktop'],
      [PHONE, 'table-depth-375'],
    ] as const) {
      const { context, page } = await open('ada@example.com', ORDERS_PAGE, viewport);
      await page.getByRole('figure', { name: /Lineage graph/ }).waitFor();
      await expandAllColumns(page);
      await expectNoHorizontalOverflow(page);
      await expect(seriousViolations(page)).resolves.toEqual([]);
      await screenshot(page, name);

      await page.goto(`${env.stack().base}/table_detail/prod/bigquery/analytics/sessions`);
      await page.getByRole('heading', { name: 'analytics.sessions', level: 1 }).waitFor();
      await expandAllColumns(page);
      await expectNoHorizontalOverflow(page);
      await expect(seriousViolations(page)).resolves.toEqual([]);
      await context.close();
    }
  });
});
